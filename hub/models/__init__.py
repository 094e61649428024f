from .news import NewsIndexPage, NewsKind, NewsPage
from .offerings import Cost, OfferingIndexPage, OfferingPage, OfferingType
from .stories import StoryIndexPage, StoryPage, StoryPageTag
from .taxonomy import CompanySize, Industry, Region, Topic

__all__ = [
    "NewsIndexPage",
    "NewsKind",
    "NewsPage",
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
