"""The trainers' dashboard panel: their cohorts, how many learners have enrolled and
finished, and the way to each progress report. A fixed number of queries."""

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from cms.dashboard import LIMIT, DashboardPanel

from .models import Cohort


class MyCohortsPanel(DashboardPanel):
    name = "my_cohorts"
    heading = _("My cohorts")
    template_name = "courses/dashboard/my_cohorts.html"
    order = 140

    def rows(self, request):
        return (
            Cohort.objects.for_trainer(request.user)
            .select_related("course")
            .annotate(
                learners=Count("enrolments", distinct=True),
                finished=Count(
                    "enrolments", filter=Q(enrolments__completed_at__isnull=False), distinct=True
                ),
            )
            .order_by("-created_at")[:LIMIT]
        )
