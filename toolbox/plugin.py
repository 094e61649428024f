"""What the toolbox offers the rest of the site (cms/plugins.py), found by cms."""

from django.utils.translation import gettext_lazy as _

from cms.filters import watch_terms
from cms.plugins import Feed, KeyFigure, SearchFacet, TeaserSource, registry

from .entries.models import ToolboxEntryPage, ToolboxEntryTag
from .quickcheck.pages import QuickcheckPage
from .taxonomy.models import Audience, Duration, EntryKind, Theme

watch_terms(Audience, Duration, EntryKind, Theme, ToolboxEntryTag)

registry.add_teaser_source(
    TeaserSource(
        key="toolbox.entries",
        label=_("Toolbox entries"),
        model=ToolboxEntryPage,
        text_field="goal",
    )
)
registry.add_key_figure(
    KeyFigure.pages(
        "toolbox.entries", _("Methods and tools in the toolbox"), ToolboxEntryPage, order=40
    )
)
registry.add_search_facet(
    SearchFacet(
        key="werkzeugkasten",
        label=_("Toolbox"),
        models=(ToolboxEntryPage, QuickcheckPage),
        order=25,
    )
)
registry.add_feed(
    Feed.of_pages(
        "werkzeugkasten",
        _("Toolbox"),
        _("New methods, checklists and tools for reverse mentoring"),
        ToolboxEntryPage,
        text_field="goal",
    )
)
