"""The trainers' dashboard panel: their cohorts, how many learners have enrolled and
finished, and the way to each progress report. A fixed number of queries."""

from django.db.models import Count, Q

from wagtail.admin.ui.components import Component

from .models import Cohort

LIMIT = 10


class MyCohortsPanel(Component):
    name = "my_cohorts"
    template_name = "courses/dashboard/my_cohorts.html"
    order = 140

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        cohorts = (
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
        return {"cohorts": list(cohorts), "request": request}
