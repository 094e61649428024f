from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Audience, Duration, EntryKind, Theme


class TermViewSet(SnippetViewSet):
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]


class ThemeViewSet(TermViewSet):
    model = Theme
    icon = "tag"


class EntryKindViewSet(TermViewSet):
    model = EntryKind
    icon = "folder-open-1"


class AudienceViewSet(TermViewSet):
    model = Audience
    icon = "group"


class DurationViewSet(TermViewSet):
    model = Duration
    icon = "time"


class ToolboxTaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Toolbox taxonomies")
    menu_icon = "folder-open-inverse"
    menu_order = 270
    items = (ThemeViewSet, EntryKindViewSet, AudienceViewSet, DurationViewSet)


register_snippet(ToolboxTaxonomyGroup)
