from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from cms.viewsets import TermViewSet

from .quickcheck.admin import QuickcheckStatisticsView, quickcheck_csv
from .quickcheck.builder.chooser import recommendation_chooser_viewset
from .quickcheck.builder.views import QuestionsView, ResultsView, StructureView
from .quickcheck.copy import CopyAsTemplateView
from .quickcheck.pages import QuickcheckPage
from .taxonomy.models import Audience, Duration, EntryKind, Theme


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


@hooks.register("register_admin_urls")
def register_quickcheck_urls():
    return [
        path(
            "quickcheck/<int:page_id>/auswertung/",
            QuickcheckStatisticsView.as_view(),
            name="toolbox_quickcheck_statistics",
        ),
        path("quickcheck/<int:page_id>/csv/", quickcheck_csv, name="toolbox_quickcheck_csv"),
        path(
            "quickcheck/<int:page_id>/kopieren/",
            CopyAsTemplateView.as_view(),
            name="toolbox_quickcheck_copy",
        ),
        path(
            "quickcheck/<int:page_id>/aufbau/",
            StructureView.as_view(),
            name="toolbox_quickcheck_builder",
        ),
        path(
            "quickcheck/<int:page_id>/aufbau/fragen/",
            QuestionsView.as_view(),
            name="toolbox_quickcheck_builder_questions",
        ),
        path(
            "quickcheck/<int:page_id>/aufbau/ergebnisse/",
            ResultsView.as_view(),
            name="toolbox_quickcheck_builder_results",
        ),
    ]


@hooks.register("register_admin_viewset")
def register_recommendation_chooser():
    return recommendation_chooser_viewset


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def build_a_new_quickcheck(request, page):
    """A Quickcheck without perspectives goes on to the builder when its draft is saved.

    Not after autosave: it expects JSON and stays in the editor."""
    if (
        page.specific_class is QuickcheckPage
        and request.accepts("text/html")
        and not len(page.get_latest_revision_as_object().perspectives)
    ):
        messages.info(
            request,
            gettext("Now build the Quickcheck: its perspectives and dimensions come first."),
        )
        return HttpResponseRedirect(reverse("toolbox_quickcheck_builder", args=[page.pk]))
    return None


@hooks.register("register_page_header_buttons")
def quickcheck_statistics_button(page, user, view_name, next_url=None):
    if page.specific_class is QuickcheckPage:
        yield Button(
            _("Responses"),
            reverse("toolbox_quickcheck_statistics", args=[page.pk]),
            icon_name="table",
            priority=80,
        )


@hooks.register("register_page_header_buttons")
def quickcheck_copy_button(page, user, view_name, next_url=None):
    if page.specific_class is QuickcheckPage:
        yield Button(
            _("Copy as template"),
            reverse("toolbox_quickcheck_copy", args=[page.pk]),
            icon_name="copy",
            priority=85,
        )
