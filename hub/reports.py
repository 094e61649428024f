"""The editors' list of offerings that need a look: not checked for a while, or ending soon."""

import datetime

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from .models import OfferingPage

ENDING_SOON_DAYS = 30


def check_after_days():
    return getattr(settings, "OFFERING_CHECK_MONTHS", 6) * 30


class OfferingFreshnessReport(ReportView):
    page_title = _("Offerings to check")
    header_icon = "time"
    index_url_name = "hub_offering_freshness"
    index_results_url_name = "hub_offering_freshness_results"
    list_export = ["title", "provider.name", "last_checked", "valid_until"]
    export_headings = {"provider.name": _("Provider")}
    columns = [
        TitleColumn("title", label=_("Offering"), url_name="wagtailadmin_pages:edit"),
        Column("provider", label=_("Provider")),
        DateColumn("last_checked", label=_("Last checked")),
        DateColumn("valid_until", label=_("Valid until")),
    ]

    def get_filename(self):
        return f"angebote-pruefen-{timezone.localdate():%Y-%m-%d}"

    def get_queryset(self):
        today = timezone.localdate()
        stale = today - datetime.timedelta(days=check_after_days())
        ending = today + datetime.timedelta(days=ENDING_SOON_DAYS)
        return (
            OfferingPage.objects.filter(alias_of__isnull=True)
            .filter(Q(last_checked__lt=stale) | Q(valid_until__gte=today, valid_until__lte=ending))
            .select_related("provider")
            .order_by("last_checked", "pk")
        )
