"""The review loop in words editors use: Redaktion submits, Freigabe approves and
publishes or requests changes with a comment, and the comment reaches the editor on
the edit screen (Wagtail shows it only behind "Details anschauen" in a side panel).

Registered by cms/wagtail_hooks.py. The e-mails use the same words
(templates/wagtailadmin/notifications/).
"""

from django.contrib import messages as django_messages
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin import messages
from wagtail.admin.action_menu import SubmitForModerationMenuItem as PageSubmitItem
from wagtail.admin.action_menu import WorkflowMenuItem as PageWorkflowItem
from wagtail.admin.utils import get_user_display_name
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.models import Page, WorkflowState
from wagtail.snippets.action_menu import SubmitForModerationMenuItem as SnippetSubmitItem
from wagtail.snippets.action_menu import WorkflowMenuItem as SnippetWorkflowItem

SUBMIT = gettext_lazy("Submit for review")
RESUBMIT = gettext_lazy("Submit for review again")
APPROVE = gettext_lazy("Approve and publish")
APPROVE_WITH_COMMENT = gettext_lazy("Approve with comment and publish")
REQUEST_CHANGES = gettext_lazy("Request changes")


def changes_requested(obj):
    """(reviewer, comment) when changes to obj were requested and it was not resubmitted."""
    state = getattr(obj, "current_workflow_state", None)
    if state is None or state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return None
    task_state = state.current_task_state
    if task_state is None:
        return None
    reviewer = get_user_display_name(task_state.finished_by) if task_state.finished_by else ""
    return reviewer, task_state.get_comment()


def show_requested_changes(request, obj):
    """On the edit screen: what the reviewer asked for, until the editor resubmits."""
    if request.method != "GET":
        return
    requested = changes_requested(obj)
    if requested is None:
        return
    reviewer, comment = requested
    if comment:
        text = _("%(reviewer)s has requested changes: “%(comment)s”") % {
            "reviewer": reviewer or _("The reviewer"),
            "comment": comment,
        }
    else:
        text = _("%(reviewer)s has requested changes (without a comment).") % {
            "reviewer": reviewer or _("The reviewer")
        }
    messages.warning(
        request,
        text + " " + _("When you have made them, choose “Submit for review again”."),
    )


def _needs_changes(context):
    obj = context.get("page") or context.get("instance")
    state = getattr(obj, "current_workflow_state", None) if obj and obj.pk else None
    return state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES


def _relabel(menu_items, context, submit_classes, workflow_classes):
    for item in menu_items:
        if isinstance(item, submit_classes):
            # The label is set again when the item renders: give it a fixed one.
            item.get_context_data = _fixed_label(
                item, RESUBMIT if _needs_changes(context) else SUBMIT
            )
        elif isinstance(item, workflow_classes):
            if item.name == "reject":
                item.label = REQUEST_CHANGES
            elif item.name == "approve":
                item.label = APPROVE_WITH_COMMENT if item.launch_modal else APPROVE


def _fixed_label(item, label):
    original = item.get_context_data

    def get_context_data(parent_context):
        context = original(parent_context)
        context["label"] = label
        return context

    return get_context_data


def relabel_page_actions(menu_items, request, context):
    _relabel(menu_items, context, PageSubmitItem, PageWorkflowItem)


def relabel_snippet_actions(menu_items, request, context):
    _relabel(menu_items, context, SnippetSubmitItem, SnippetWorkflowItem)


def say_approved_page_is_live(request, page):
    """After "Approve and publish" on the edit screen: say that the page is live (Wagtail
    says "Seite … wurde aktualisiert.", as after saving a draft)."""
    if request.POST.get("workflow-action-name") != "approve":
        return
    fresh = Page.objects.get(pk=page.pk)
    if not fresh.live or fresh.workflow_in_progress or fresh.has_unpublished_changes:
        return  # scheduled, or a further task: Wagtail's own words fit
    # Replace Wagtail's "Seite … wurde aktualisiert." and keep any other message.
    updated = _("Page '%(page_title)s' has been updated.") % {
        "page_title": page.get_admin_display_title()
    }
    for message in list(django_messages.get_messages(request)):
        if str(message.message) != updated:
            django_messages.add_message(
                request, message.level, message.message, extra_tags=message.extra_tags
            )
    url = fresh.get_url(request)
    messages.success(
        request,
        _("“%(title)s” is approved and now live on the website.")
        % {"title": fresh.get_admin_display_title()},
        buttons=[messages.button(url, _("View live"), new_window=True)] if url else None,
    )


class ReviewQueuePanel(WorkflowObjectsToModeratePanel):
    """The dashboard's "awaiting your review": compare only with the live version.

    Its "compare with previous version" compared the submitted revision with the one
    before it, the editor's own draft or autosave of the same content, and said the two
    were identical."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        for state in context["states"]:
            state["previous_revision_id"] = None
        return context


def use_review_queue_panel(request, panels):
    panels[:] = [
        ReviewQueuePanel() if type(panel) is WorkflowObjectsToModeratePanel else panel
        for panel in panels
    ]
