"""Django looks for a plugin's models here; they live in its feature packages."""

from .entries.models import StepBlock, ToolboxEntryPage, ToolboxEntryTag, ToolboxIndexPage
from .quickcheck.models import QuickcheckResponse, QuickcheckTally
from .quickcheck.pages import QuickcheckPage
from .taxonomy.models import Audience, Duration, EntryKind, Theme

__all__ = [
    "Audience",
    "Duration",
    "EntryKind",
    "QuickcheckPage",
    "QuickcheckResponse",
    "QuickcheckTally",
    "StepBlock",
    "Theme",
    "ToolboxEntryPage",
    "ToolboxEntryTag",
    "ToolboxIndexPage",
]
