"""The Quickcheck builder's three steps in the admin (forms: toolbox/quickcheck/builder/forms.py).

Each step saves a draft revision of the page, as the page editor's "Speichern" does;
publishing and submitting for review stay in the page editor, with its preview."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from cms.bad_input import whole_number

from ..admin import QuickcheckAdminMixin
from ..pages import QuickcheckPage
from .forms import StructureForm
from .questions import QuestionsForm
from .results import ResultsForm

STEPS = (
    ("toolbox_quickcheck_builder", _("Perspectives and dimensions")),
    ("toolbox_quickcheck_builder_questions", _("Questions")),
    ("toolbox_quickcheck_builder_results", _("Results")),
)


class BuilderStepView(QuickcheckAdminMixin, TemplateView):
    step = 0
    form_class = None
    template_name = "toolbox/admin/quickcheck_builder.html"
    header_icon = "form"
    page_title = _("Build the Quickcheck")

    def dispatch(self, request, page_id):
        self.quickcheck = get_object_or_404(QuickcheckPage, pk=page_id)
        # An alias follows its original: it is built there.
        if (
            self.quickcheck.alias_of_id
            or not self.quickcheck.permissions_for_user(request.user).can_edit()
        ):
            raise PermissionDenied
        lock = self.quickcheck.get_lock()
        self.lock_message = (
            lock.get_message(request.user) if lock and lock.for_user(request.user) else ""
        )
        self.draft = self.quickcheck.get_latest_revision_as_object()
        return super().dispatch(request, page_id)

    def get_breadcrumb_label(self):
        return f"{self.page_title}: {STEPS[self.step][1]}"

    def url(self, step):
        return reverse(STEPS[step][0], args=[self.quickcheck.pk])

    def get_form(self, data=None):
        return self.form_class(data, page=self.draft)

    def get_context_data(self, **kwargs):
        form = kwargs.pop("form", None) or self.get_form()
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "form": form,
                "media": form.media,
                "step": self.step,
                "steps": [
                    {"url": self.url(n), "label": label, "current": n == self.step}
                    for n, (_name, label) in enumerate(STEPS)
                ],
                "is_last": self.step == len(STEPS) - 1,
                "next_label": STEPS[self.step + 1][1] if self.step + 1 < len(STEPS) else "",
                "lock_message": self.lock_message,
                "edit_url": reverse("wagtailadmin_pages:edit", args=[self.quickcheck.pk]),
                "quickcheck": self.draft,
                "revision": self.quickcheck.latest_revision_id or "",
            }
        )
        return context

    def post(self, request, page_id):
        form = self.get_form(request.POST)
        if self.lock_message:
            messages.error(request, self.lock_message)
            return self.render_to_response(self.get_context_data(form=form))
        # Rows are the draft's blocks by position: a form from an older draft would
        # put what was typed on the wrong rows.
        if request.POST.get("revision", "") != str(self.quickcheck.latest_revision_id or ""):
            messages.error(
                request,
                gettext(
                    "Someone saved this Quickcheck in the meantime, so nothing was saved. "
                    "Here is the newest version; please make your changes again."
                ),
            )
            return HttpResponseRedirect(self.url(self.step))
        if not form.is_valid():
            messages.error(
                request, gettext("Nothing was saved yet. Please correct the marked fields.")
            )
            return self.render_to_response(self.get_context_data(form=form))
        self.apply(form)
        try:
            self.draft.save_revision(user=request.user, log_action=True)
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
            return self.render_to_response(self.get_context_data(form=form))
        messages.success(
            request,
            gettext("Saved as a draft. Preview, publish or submit it in the page editor."),
        )
        return HttpResponseRedirect(self.next_url())

    def apply(self, form):
        form.apply(self.draft)

    def next_url(self):
        if "weiter" in self.request.POST and self.step + 1 < len(STEPS):
            return self.url(self.step + 1)
        if "fertig" in self.request.POST:
            return reverse("wagtailadmin_pages:edit", args=[self.quickcheck.pk])
        return self.url(self.step)


class StructureView(BuilderStepView):
    step = 0
    form_class = StructureForm


class QuestionsView(BuilderStepView):
    step = 1
    form_class = QuestionsForm

    def apply(self, form):
        move = None
        raw = self.request.POST.get("verschieben", "")
        number, _sep, direction = raw.partition(":")
        if whole_number(number) is not None and direction in ("hoch", "runter"):
            move = (whole_number(number), -1 if direction == "hoch" else 1)
        form.apply(self.draft, move=move)

    def next_url(self):
        url = super().next_url()
        if "neu" in self.request.POST:
            return f"{url}#frage-{len(self.draft.questions) + 1}"
        number, _sep, direction = self.request.POST.get("verschieben", "").partition(":")
        if whole_number(number) is not None:  # back to the question that moved
            moved = whole_number(number) + (-1 if direction == "hoch" else 1)
            return f"{url}#frage-{max(moved, 0) + 1}"
        return url


class ResultsView(BuilderStepView):
    step = 2
    form_class = ResultsForm
