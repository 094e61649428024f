from .stories import StoryIndexPage, StoryPage, StoryPageTag
from .taxonomy import CompanySize, Industry, Region, Topic

__all__ = [
    "CompanySize",
    "Industry",
    "Region",
    "StoryIndexPage",
    "StoryPage",
    "StoryPageTag",
    "Topic",
]
