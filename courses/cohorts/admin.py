"""Cohorts and enrolment keys in the admin, for trainers (the group "Ausbilder").

A trainer sees only the cohorts they train, and only those cohorts' keys; any other
cohort's address answers 404, as if it did not exist. Administrators see everything.
Each cohort has a progress report (learner × lesson) and its CSV.
"""

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import Panel
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy

from cms.bad_input import whole_number
from cms.csv_export import csv_response

from ..learning.models import EnrolmentKey, normalise_key
from ..learning.pages import CoursePage
from .models import TRAINER_GROUP, Cohort
from .report import cohort_report


def visible_cohorts(user):
    return Cohort.objects.for_trainer(user)


def visible_keys(user):
    keys = EnrolmentKey.objects.select_related("course", "cohort")
    if user.is_superuser:
        return keys
    return keys.filter(cohort__in=visible_cohorts(user))


def course_choices():
    """Courses as editors made them (translations that are aliases left out)."""
    return CoursePage.objects.filter(alias_of__isnull=True).order_by("path")


# -- forms -------------------------------------------------------------------------------
class TrainerChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        name = obj.get_full_name()
        return f"{name} ({obj.username})" if name else obj.username


class CohortForm(WagtailAdminModelForm):
    """Trainers are chosen from the group Ausbilder (and whoever trains the cohort
    already), never from every account: learners' accounts stay out of sight."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        current = self.instance.trainers.all() if self.instance.pk else []
        model_field = self.fields["trainers"]
        self.fields["trainers"] = TrainerChoiceField(
            queryset=get_user_model()
            .objects.filter(Q(groups__name=TRAINER_GROUP, is_active=True) | Q(pk__in=current))
            .distinct()
            .order_by("last_name", "first_name", "username"),
            widget=forms.CheckboxSelectMultiple,
            label=model_field.label,
            help_text=model_field.help_text
            if self.instance.pk
            else _("You are added as a trainer yourself."),
            required=False,
        )
        self.fields["course"].queryset = course_choices()

    def clean_trainers(self):
        trainers = self.cleaned_data["trainers"]
        if self.instance.pk and not trainers:
            raise forms.ValidationError(_("A cohort needs at least one trainer."))
        return trainers

    def clean_course(self):
        course = self.cleaned_data["course"]
        if (
            self.instance.pk
            and course.pk != self.instance.course_id
            and self.instance.enrolments.exists()
        ):
            raise forms.ValidationError(
                _("Learners have joined this cohort, so its course can no longer change.")
            )
        return course


class EnrolmentKeyForm(WagtailAdminModelForm):
    """A trainer makes keys for their own cohorts only; the course follows the cohort."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        cohort = self.fields["cohort"]
        cohort.queryset = (
            visible_cohorts(user) if user is not None else Cohort.objects.none()
        ).select_related("course")
        course = self.fields["course"]
        course.queryset = course_choices()
        course.required = False
        course.help_text = _("Not needed for a cohort's key: it is for the cohort's course.")
        if user is None or not user.is_superuser:
            cohort.required = True

    def clean_key(self):
        # Keys are stored in capitals (EnrolmentKey.save): "lotsen-2026" is "LOTSEN-2026".
        key = normalise_key(self.cleaned_data["key"])
        taken = EnrolmentKey.objects.filter(key=key).exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(_("This key exists already. Choose another one."))
        return key

    def clean(self):
        data = super().clean()
        if data.get("cohort") is not None:
            data["course"] = data["cohort"].course
        elif not data.get("course") and "course" not in self.errors:
            self.add_error("course", _("Choose the course this key is for, or a cohort."))
        return data


# -- the cohorts' views ------------------------------------------------------------------
class ReportLinkColumn(Column):
    cell_template_name = "courses/admin/report_link_cell.html"

    def get_value(self, instance):
        return reverse("cohorts:report", args=[instance.pk])


class CohortIndexView(generic.IndexView):
    def get_base_queryset(self):
        return (
            visible_cohorts(self.request.user)
            .select_related("course")
            .annotate(learner_count=Count("enrolments", distinct=True))
        )


class CohortCreateView(generic.CreateView):
    def save_instance(self):
        """The one who creates the cohort trains it, and it gets its first key."""
        cohort = super().save_instance()
        cohort.trainers.add(self.request.user)
        cohort.add_key()
        return cohort


class CohortEditView(generic.EditView):
    def get_queryset(self):
        return visible_cohorts(self.request.user)

    @property
    def header_buttons(self):
        return [
            HeaderButton(
                _("Progress report"),
                url=reverse("cohorts:report", args=[self.object.pk]),
                icon_name="table",
            )
        ]


class CohortDeleteView(generic.DeleteView):
    def get_queryset(self):
        return visible_cohorts(self.request.user)


class CohortHistoryView(history.HistoryView):
    def get_base_object_queryset(self):
        return visible_cohorts(self.request.user)


class CohortUsageView(usage.UsageView):
    def get_base_object_queryset(self):
        return visible_cohorts(self.request.user)


class CohortKeysPanel(Panel):
    """The cohort's enrolment keys on its edit page, with where to add another."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "courses/admin/cohort_keys_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            cohort = self.instance
            context["keys"] = list(cohort.keys.all()) if cohort.pk else []
            context["add_url"] = (
                reverse("enrolment_keys:add") + f"?cohort={cohort.pk}" if cohort.pk else ""
            )
            return context


# -- the enrolment keys' views -------------------------------------------------------------
class KeyIndexView(generic.IndexView):
    def get_base_queryset(self):
        return visible_keys(self.request.user)


class KeyCreateView(generic.CreateView):
    def get_initial(self):
        initial = super().get_initial()
        cohort = whole_number(self.request.GET.get("cohort", ""))
        if cohort is not None:
            initial["cohort"] = cohort
        return initial


class KeyEditView(generic.EditView):
    def get_queryset(self):
        return visible_keys(self.request.user)


class KeyDeleteView(generic.DeleteView):
    def get_queryset(self):
        return visible_keys(self.request.user)


class KeyHistoryView(history.HistoryView):
    def get_base_object_queryset(self):
        return visible_keys(self.request.user)


class KeyUsageView(usage.UsageView):
    def get_base_object_queryset(self):
        return visible_keys(self.request.user)


# -- the progress report -------------------------------------------------------------------
def _cohort(request, pk):
    """The cohort if ``request.user`` trains it (or administers the site); 404 otherwise."""
    policy = ModelPermissionPolicy(Cohort)
    if not policy.user_has_any_permission(request.user, ["add", "change", "view"]):
        raise PermissionDenied
    return get_object_or_404(visible_cohorts(request.user).select_related("course"), pk=pk)


class CohortReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "courses/admin/cohort_report.html"
    header_icon = "table"
    page_title = _("Progress report")

    def dispatch(self, request, pk):
        self.cohort = _cohort(request, pk)
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return self.cohort.name

    def get_breadcrumbs_items(self):
        return super().get_breadcrumbs_items() + [
            {"url": reverse("cohorts:index"), "label": gettext("Cohorts")},
            {"url": reverse("cohorts:edit", args=[self.cohort.pk]), "label": self.cohort.name},
            {"url": "", "label": gettext("Progress report")},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            cohort=self.cohort,
            report=cohort_report(self.cohort),
            csv_url=reverse("cohorts:report_csv", args=[self.cohort.pk]),
            edit_url=reverse("cohorts:edit", args=[self.cohort.pk]),
        )
        return context


def cohort_report_csv(request, pk):
    cohort = _cohort(request, pk)
    report = cohort_report(cohort)
    name = f"kohorte-{slugify(cohort.name) or cohort.pk}-{timezone.localdate():%Y-%m-%d}.csv"
    return csv_response(name, report.csv_header(), report.csv_rows())
