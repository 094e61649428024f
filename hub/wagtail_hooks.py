from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from cms.viewsets import TermViewSet

from .dashboard import OfferingsToCheckPanel, UpcomingEventsPanel
from .events import admin as admin_views
from .models import CompanySize, EventKind, EventPage, Industry, OfferingType, Region, Topic
from .offerings.reports import OfferingFreshnessReport, may_check_offerings, offering_checked


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


class EventKindViewSet(TermViewSet):
    model = EventKind
    icon = "date"


class HubTaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("HUB taxonomies")
    menu_icon = "list-ul"
    menu_order = 260
    items = (
        IndustryViewSet,
        TopicViewSet,
        CompanySizeViewSet,
        RegionViewSet,
        OfferingTypeViewSet,
        EventKindViewSet,
    )


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
        path(
            "angebote-pruefen/<int:page_id>/geprueft/",
            offering_checked,
            name="hub_offering_checked",
        ),
    ]


@hooks.register("construct_homepage_panels")
def add_dashboard_panels(request, panels):
    panels.extend([OfferingsToCheckPanel(), UpcomingEventsPanel()])


class OfferingReportMenuItem(MenuItem):
    def is_shown(self, request):
        return may_check_offerings(request.user)


@hooks.register("register_reports_menu_item")
def register_freshness_report_menu_item():
    return OfferingReportMenuItem(
        _("Offerings to check"), reverse("hub_offering_freshness"), icon_name="time", order=50
    )


@hooks.register("register_admin_urls")
def register_event_admin_urls():
    return [
        path(
            "veranstaltungen/<int:page_id>/anmeldungen/",
            admin_views.RegistrationsView.as_view(),
            name="hub_event_registrations",
        ),
        path(
            "veranstaltungen/<int:page_id>/anmeldungen/csv/",
            admin_views.registrations_csv,
            name="hub_event_registrations_csv",
        ),
        path(
            "veranstaltungen/<int:page_id>/nachricht/",
            admin_views.MessageView.as_view(),
            name="hub_event_message",
        ),
        path(
            "veranstaltungen/<int:page_id>/absagen/",
            admin_views.CancelView.as_view(),
            name="hub_event_cancel",
        ),
    ]


@hooks.register("register_page_header_buttons")
def event_registrations_button(page, user, view_name, next_url=None):
    if page.specific_class is EventPage:
        yield Button(
            _("Registrations"),
            reverse("hub_event_registrations", args=[page.pk]),
            icon_name="group",
            priority=80,
        )
