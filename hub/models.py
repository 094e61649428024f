"""Django looks for a plugin's models here; they live in its feature packages."""

from .events.models import EventDate, EventFigures, EventKind, Registration
from .events.pages import EventIndexPage, EventPage
from .landing.models import HubIndexPage, HubPage
from .news.models import NewsIndexPage, NewsKind, NewsPage
from .offerings.models import Cost, OfferingIndexPage, OfferingPage, OfferingPageTag, OfferingType
from .stories.models import StoryIndexPage, StoryPage, StoryPageTag
from .taxonomy.models import CompanySize, Industry, Region, Topic

__all__ = [
    "CompanySize",
    "Cost",
    "EventDate",
    "EventFigures",
    "EventIndexPage",
    "EventKind",
    "EventPage",
    "HubIndexPage",
    "HubPage",
    "Industry",
    "NewsIndexPage",
    "NewsKind",
    "NewsPage",
    "OfferingIndexPage",
    "OfferingPage",
    "OfferingPageTag",
    "OfferingType",
    "Region",
    "Registration",
    "StoryIndexPage",
    "StoryPage",
    "StoryPageTag",
    "Topic",
]
