"""The editors' list of offerings that need a look: not checked for a while, or ending soon."""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies.pages import PagePermissionPolicy

from cms.cache import invalidate

from ..conf import settings
from .models import OfferingPage

ENDING_SOON_DAYS = 30


def check_after_days():
    return settings.OFFERING_CHECK_MONTHS * 30


def offerings_to_check():
    """Offerings (in the site's language) not checked for a while, or ending soon;
    the longest unchecked first."""
    today = timezone.localdate()
    stale = today - datetime.timedelta(days=check_after_days())
    ending = today + datetime.timedelta(days=ENDING_SOON_DAYS)
    return (
        OfferingPage.objects.filter(alias_of__isnull=True)
        .filter(Q(last_checked__lt=stale) | Q(valid_until__gte=today, valid_until__lte=ending))
        .select_related("provider")
        .order_by("last_checked", "pk")
    )


def mark_checked(page):
    """The editors have looked at the offering today: the date shows on its page at once,
    without a new revision (and a draft published later keeps it, see OfferingPage)."""
    today = timezone.localdate()
    OfferingPage.objects.filter(Q(pk=page.pk) | Q(alias_of=page.pk)).update(last_checked=today)
    return today


def may_check_offerings(user):
    """Those who may edit an offering; trainers and other admin users see no report."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(
        user, ["change", "publish"]
    )
    return editable.type(OfferingPage).exists()


def local_date(field):
    """A date as a date ("31.12.2026"), not as "x days ago": Wagtail's DateColumn shows
    every future date as "just now"."""

    def value(instance):
        day = getattr(instance, field)
        return date_format(day, "SHORT_DATE_FORMAT") if day else "–"

    return value


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
        Column("last_checked", label=_("Last checked"), accessor=local_date("last_checked")),
        Column("valid_until", label=_("Valid until"), accessor=local_date("valid_until")),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not may_check_offerings(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return f"angebote-pruefen-{timezone.localdate():%Y-%m-%d}"

    def get_queryset(self):
        return offerings_to_check()


@require_POST
def offering_checked(request, page_id):
    """ "Mark as checked" from the dashboard: for those who may edit the offering."""
    page = get_object_or_404(OfferingPage, pk=page_id, alias_of__isnull=True)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    day = mark_checked(page)
    invalidate()
    messages.success(
        request,
        gettext("“%(title)s” is marked as checked on %(date)s.")
        % {"title": page.title, "date": date_format(day, "SHORT_DATE_FORMAT")},
    )
    return redirect("wagtailadmin_home")
