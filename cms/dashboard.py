"""The dashboard's panels. ``DashboardPanel`` is the frame every plugin's panel uses
(hub: offerings to check, upcoming events; courses: cohorts): a heading, a table of at
most ``LIMIT`` rows, nothing when there are none (cms/dashboard/panel.html).

"Meine Inhalte in der Freigabe": what I submitted that waits for review, or came back
with changes requested, with the reviewer's comment. It takes the place of Wagtail's own
panel, which shows no comment."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.ui.components import Component
from wagtail.admin.views.home import UserObjectsInWorkflowModerationPanel
from wagtail.models import WorkflowState

LIMIT = 10


class DashboardPanel(Component):
    """A panel of the site's dashboard; subclasses set ``name``, ``heading``,
    ``template_name`` (extending cms/dashboard/panel.html) and ``order``, and return
    their rows (at most LIMIT) from ``rows(request)``."""

    heading = ""

    def rows(self, request):
        raise NotImplementedError

    def extra_context(self, request, rows):
        return {}

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        rows = list(self.rows(request))
        return {
            "rows": rows,
            "panel_id": self.name.replace("_", "-"),
            "heading": self.heading,
            "request": request,
            "csrf_token": parent_context.get("csrf_token"),
            **(self.extra_context(request, rows) if rows else {}),
        }


class MyWorkInReviewPanel(DashboardPanel):
    name = "my_work_in_review"
    heading = _("My content in review")
    template_name = "cms/dashboard/my_work_in_review.html"
    order = 100

    def rows(self, request):
        states = (
            WorkflowState.objects.active()
            .filter(requested_by=request.user)
            .select_related("current_task_state__finished_by", "current_task_state__task")
            .prefetch_related("content_object")
            .order_by("-current_task_state__started_at")
        )
        finder = AdminURLFinder(request.user)
        for state in states[:LIMIT]:
            obj = state.content_object
            if obj is None:
                continue
            task_state = state.current_task_state
            yield {
                "title": getattr(obj, "get_admin_display_title", obj.__str__)(),
                "edit_url": finder.get_edit_url(obj),
                "needs_changes": state.status == WorkflowState.STATUS_NEEDS_CHANGES,
                "reviewer": task_state.finished_by if task_state else None,
                "comment": task_state.get_comment() if task_state else "",
                "since": task_state.finished_at or task_state.started_at
                if task_state
                else state.created_at,
            }


def replace_workflow_panel(request, panels):
    panels[:] = [
        MyWorkInReviewPanel() if isinstance(panel, UserObjectsInWorkflowModerationPanel) else panel
        for panel in panels
    ]
