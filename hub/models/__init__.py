from .events import EventDate, EventFigures, EventIndexPage, EventKind, EventPage, Registration
from .landing import HubPage
from .news import NewsIndexPage, NewsKind, NewsPage
from .offerings import Cost, OfferingIndexPage, OfferingPage, OfferingPageTag, OfferingType
from .stories import StoryIndexPage, StoryPage, StoryPageTag
from .taxonomy import CompanySize, Industry, Region, Topic

__all__ = [
    "EventDate",
    "EventFigures",
    "EventIndexPage",
    "EventKind",
    "EventPage",
    "Registration",
    "HubPage",
    "NewsIndexPage",
    "NewsKind",
    "NewsPage",
    "Cost",
    "OfferingIndexPage",
    "OfferingPage",
    "OfferingPageTag",
    "OfferingType",
    "CompanySize",
    "Industry",
    "Region",
    "StoryIndexPage",
    "StoryPage",
    "StoryPageTag",
    "Topic",
]
