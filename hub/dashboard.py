"""The editors' dashboard panels of the HUB: offerings to check (ending within 30 days,
or not checked for ZUKUNFTSHUB_OFFERING_CHECK_MONTHS) with a "checked" button, and the
upcoming events with their places by status, linked to their registrations. Each panel
takes a fixed number of queries, whatever the number of items."""

import datetime

from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.permission_policies.pages import PagePermissionPolicy

from cms.dashboard import LIMIT, DashboardPanel

from .events.models import Registration
from .events.pages import EventPage
from .offerings.reports import (
    ENDING_SOON_DAYS,
    check_after_days,
    may_check_offerings,
    offerings_to_check,
)


class OfferingsToCheckPanel(DashboardPanel):
    name = "offerings_to_check"
    heading = _("Offerings to check")
    template_name = "hub/dashboard/offerings_to_check.html"
    order = 230  # after "awaiting your review" (220)

    def rows(self, request):
        if not may_check_offerings(request.user):
            return []
        today = timezone.localdate()
        stale = today - datetime.timedelta(days=check_after_days())
        return [
            {
                "page": page,
                "ends_soon": page.valid_until is not None
                and today <= page.valid_until <= today + datetime.timedelta(days=ENDING_SOON_DAYS),
                "unchecked": page.last_checked < stale,
            }
            for page in offerings_to_check()[:LIMIT]
        ]

    def extra_context(self, request, rows):
        total = offerings_to_check().count() if len(rows) == LIMIT else len(rows)
        return {"total": total, "months": check_after_days() // 30}


class UpcomingEventsPanel(DashboardPanel):
    name = "upcoming_events"
    heading = _("Upcoming events")
    template_name = "hub/dashboard/upcoming_events.html"
    order = 240

    def rows(self, request):
        editable = PagePermissionPolicy().instances_user_has_permission_for(request.user, "change")
        Status = Registration.Status

        def places(status):
            return Sum("registrations__places", filter=Q(registrations__status=status))

        return (
            EventPage.objects.live()
            .upcoming()
            .held()
            .filter(pk__in=editable.type(EventPage).values("pk"), alias_of__isnull=True)
            .filter(locale__language_code="de")
            .annotate(
                confirmed=places(Status.CONFIRMED),
                pending=places(Status.PENDING),
                waiting=places(Status.WAITING),
            )
            .order_by("starts_at", "pk")[:LIMIT]
        )
