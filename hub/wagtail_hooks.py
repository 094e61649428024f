from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from cms.viewsets import TermViewSet

from .models import CompanySize, Industry, OfferingType, Region, Topic
from .reports import OfferingFreshnessReport


class IndustryViewSet(TermViewSet):
    model = Industry
    icon = "cogs"


class RegionViewSet(TermViewSet):
    model = Region
    icon = "site"


class TopicViewSet(TermViewSet):
    model = Topic
    icon = "tag"


class CompanySizeViewSet(TermViewSet):
    model = CompanySize
    icon = "group"


class OfferingTypeViewSet(TermViewSet):
    model = OfferingType
    icon = "help"


class HubTaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("HUB taxonomies")
    menu_icon = "list-ul"
    menu_order = 260
    items = (IndustryViewSet, TopicViewSet, CompanySizeViewSet, RegionViewSet, OfferingTypeViewSet)


register_snippet(HubTaxonomyGroup)


@hooks.register("register_admin_urls")
def register_freshness_report_urls():
    view = OfferingFreshnessReport
    return [
        path("angebote-pruefen/", view.as_view(), name="hub_offering_freshness"),
        path(
            "angebote-pruefen/results/",
            view.as_view(results_only=True),
            name="hub_offering_freshness_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_freshness_report_menu_item():
    return MenuItem(
        _("Offerings to check"), reverse("hub_offering_freshness"), icon_name="time", order=50
    )
