from .offerings import Cost, OfferingIndexPage, OfferingPage, OfferingType
from .stories import StoryIndexPage, StoryPage, StoryPageTag
from .taxonomy import CompanySize, Industry, Region, Topic

__all__ = [
    "Cost",
    "OfferingIndexPage",
    "OfferingPage",
    "OfferingType",
    "CompanySize",
    "Industry",
    "Region",
    "StoryIndexPage",
    "StoryPage",
    "StoryPageTag",
    "Topic",
]
