"""The chooser for a Quickcheck's recommended pages: published pages in one language.

Wagtail's page chooser browses every language and left editors with English pages in a
German Quickcheck. This one lists only the published pages of the language in its
address (``?sprache=de``, kept while searching and paging) and shows the type and the
language of each page.
"""

from urllib.parse import urlencode

from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.choosers import BaseFilterForm, SearchFilterMixin
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView, ChosenView
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.models import Locale, Page

LANGUAGE_PARAMETER = "sprache"


def with_language(page):
    return f"{page.get_admin_display_title()} ({page.locale.get_display_name()})"


def page_kind(page):
    model = page.content_type.model_class()
    return capfirst(model._meta.verbose_name) if model else ""


class OneLanguageMixin:
    def get_object_list(self):
        locale = Locale.objects.filter(
            language_code=self.request.GET.get(LANGUAGE_PARAMETER, "")
        ).first()
        if locale is None:
            return Page.objects.none()
        return (
            Page.objects.live()
            .filter(locale=locale, depth__gt=2)
            .select_related("locale", "content_type")
            .order_by("title")
        )

    def get_filter_form_class(self):
        # Search only: Wagtail would add a language filter for translatable models.
        return type("FilterForm", (SearchFilterMixin, BaseFilterForm), {})

    @property
    def columns(self):
        return [
            self.title_column,
            Column("kind", label=_("Type"), accessor=page_kind),
            Column("language", label=_("Language"), accessor=lambda p: p.locale.get_display_name()),
        ]


class RecommendationChooseView(OneLanguageMixin, ChooseView):
    pass


class RecommendationChooseResultsView(OneLanguageMixin, ChooseResultsView):
    pass


class RecommendationChosenView(ChosenView):
    def get_object(self, pk):
        try:
            return Page.objects.live().select_related("locale").get(pk=int(pk))
        except ValueError as error:
            raise Page.DoesNotExist from error

    def get_display_title(self, instance):
        return with_language(instance)


class RecommendationChooserViewSet(ChooserViewSet):
    model = Page
    icon = "doc-empty-inverse"
    choose_one_text = _("Choose a page")
    choose_another_text = _("Choose another page")
    edit_item_text = _("Edit this page")
    choose_view_class = RecommendationChooseView
    choose_results_view_class = RecommendationChooseResultsView
    chosen_view_class = RecommendationChosenView
    preserve_url_parameters = ["multiple", LANGUAGE_PARAMETER]
    per_page = 20
    # Page choosers elsewhere stay Wagtail's own.
    register_widget = False


recommendation_chooser_viewset = RecommendationChooserViewSet(
    "quickcheck_recommendation_chooser", url_prefix="quickcheck/empfehlung-waehlen"
)


class RecommendationChooser(recommendation_chooser_viewset.widget_class):
    def __init__(self, *args, language, **kwargs):
        super().__init__(*args, **kwargs)
        self.language = language

    def get_chooser_modal_url(self):
        return f"{super().get_chooser_modal_url()}?{urlencode({LANGUAGE_PARAMETER: self.language})}"

    def get_display_title(self, instance):
        return with_language(instance)
