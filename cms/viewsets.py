"""Admin views the plugins share."""

from django.utils.translation import gettext

from wagtail.snippets.views.chooser import ChooseView, SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet


class TitledChooseView(ChooseView):
    """The chooser's heading reads "Branche auswählen" (Wagtail shows "Auswählen"
    with the model's name set beside it: "Auswählen Branche")."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page_title"] = gettext("Choose %(object)s") % {
            "object": self.model._meta.verbose_name
        }
        context["page_subtitle"] = None
        return context


class TitledSnippetChooserViewSet(SnippetChooserViewSet):
    choose_view_class = TitledChooseView


class SiteSnippetViewSet(SnippetViewSet):
    """The base of every snippet list of the site."""

    chooser_viewset_class = TitledSnippetChooserViewSet


class TermViewSet(SiteSnippetViewSet):
    """The admin list of a taxonomy (a cms.models.taxonomy.Term subclass)."""

    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]
