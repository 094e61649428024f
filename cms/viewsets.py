"""Admin views the plugins share."""

from wagtail.snippets.views.snippets import SnippetViewSet


class TermViewSet(SnippetViewSet):
    """The admin list of a taxonomy (a cms.models.taxonomy.Term subclass)."""

    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]
