"""How the page editor shows a Quickcheck: the questions and results are built in the
Quickcheck builder (toolbox/quickcheck/builder/forms.py), and the editor shows a summary of
them with the way there. Publishing, and submitting for review, wait until the
Quickcheck is complete; drafts may be saved at any stage."""

import functools

from django.urls import reverse
from django.utils.translation import gettext

from wagtail.admin import compare
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import Panel

BUILT_FIELDS = ("perspectives", "dimensions", "questions")


# The actions that put a Quickcheck in front of visitors or reviewers; saving, cancelling
# a workflow or requesting changes work at any stage.
GOING_OUT = ("action-publish", "action-submit", "action-restart-workflow")


class QuickcheckPageForm(WagtailAdminPageForm):
    def _going_out(self):
        approving = "action-workflow-action" in self.data and self.data.get(
            "workflow-action-name"
        ) in ("approve", "approve-with-comment")
        return approving or any(action in self.data for action in GOING_OUT)

    def clean(self):
        cleaned_data = super().clean()
        if self._going_out():
            missing = self.instance.missing_parts()
            if missing:
                self.add_error(
                    None,
                    gettext(
                        "The Quickcheck is not complete yet. It still needs %(parts)s. "
                        "Save it as a draft and add them in “Build the Quickcheck”."
                    )
                    % {"parts": ", ".join(missing)},
                )
        return cleaned_data


class QuickcheckSummaryPanel(Panel):
    """What the Quickcheck holds, with links to the builder's three steps."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "toolbox/admin/quickcheck_summary_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            context["saved"] = bool(page.pk)
            if page.pk:
                context["steps"] = [
                    (reverse(name, args=[page.pk]), label)
                    for name, label in (
                        ("toolbox_quickcheck_builder", gettext("Perspectives and dimensions")),
                        ("toolbox_quickcheck_builder_questions", gettext("Questions")),
                        ("toolbox_quickcheck_builder_results", gettext("Results")),
                    )
                ]
            context["perspectives"] = [block.value["name"] for block in page.perspectives]
            context["dimensions"] = [block.value["name"] for block in page.dimensions]
            context["question_count"] = len(page.questions)
            context["missing"] = page.missing_parts()
            return context

        def get_comparison(self):
            # Reviewers still compare the questions and results between revisions.
            model = type(self.instance)
            return [
                functools.partial(compare.StreamFieldComparison, model._meta.get_field(name))
                for name in BUILT_FIELDS
            ]
