"""The editors' view of a Quickcheck's responses: figures over a period, and a CSV."""

import datetime

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ..conf import settings
from .models import QuickcheckResponse, QuickcheckTally
from .pages import QuickcheckPage
from .statistics import export_csv, summarise

DATE = forms.DateInput({"type": "date"}, format="%Y-%m-%d")


class PeriodForm(forms.Form):
    von = forms.DateField(label=_("From"), required=False, widget=forms.DateInput({"type": "date"}))
    bis = forms.DateField(
        label=_("Until"), required=False, widget=forms.DateInput({"type": "date"})
    )

    def clean(self):
        data = super().clean()
        if data.get("von") and data.get("bis") and data["bis"] < data["von"]:
            raise forms.ValidationError(_("The end of the period lies before its start."))
        return data


def _period(queryset, form):
    if form.is_valid():
        zone = timezone.get_current_timezone()
        if form.cleaned_data.get("von"):
            start = datetime.datetime.combine(form.cleaned_data["von"], datetime.time.min, zone)
            queryset = queryset.filter(created_at__gte=start)
        if form.cleaned_data.get("bis"):
            end = datetime.datetime.combine(form.cleaned_data["bis"], datetime.time.max, zone)
            queryset = queryset.filter(created_at__lte=end)
    return queryset


def _days(tallies, form):
    if form.is_valid():
        if form.cleaned_data.get("von"):
            tallies = tallies.filter(day__gte=form.cleaned_data["von"])
        if form.cleaned_data.get("bis"):
            tallies = tallies.filter(day__lte=form.cleaned_data["bis"])
    return tallies


def _responses(quickcheck, form):
    return _period(QuickcheckResponse.objects.filter(quickcheck=quickcheck), form)


def _quickcheck(request, page_id):
    quickcheck = get_object_or_404(QuickcheckPage, pk=page_id)
    if not quickcheck.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return quickcheck


class QuickcheckAdminMixin(WagtailAdminTemplateMixin):
    """An admin screen of one Quickcheck (``self.quickcheck``): its title under the
    heading, and the way back to its page editor in the breadcrumbs."""

    def get_page_subtitle(self):
        return self.quickcheck.title

    def get_breadcrumb_label(self):
        return self.page_title

    def get_breadcrumbs_items(self):
        edit_url = reverse("wagtailadmin_pages:edit", args=[self.quickcheck.pk])
        return super().get_breadcrumbs_items() + [
            {"url": edit_url, "label": self.quickcheck.get_admin_display_title()},
            {"url": "", "label": self.get_breadcrumb_label()},
        ]


class QuickcheckStatisticsView(QuickcheckAdminMixin, TemplateView):
    template_name = "toolbox/admin/quickcheck_statistics.html"
    header_icon = "table"
    page_title = _("Quickcheck responses")

    def dispatch(self, request, page_id):
        self.quickcheck = _quickcheck(request, page_id)
        return super().dispatch(request, page_id)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = PeriodForm(self.request.GET or None)
        embed_url = self.quickcheck.embed_url(self.request)
        context.update(
            embed_code=format_html(
                '<iframe src="{}" title="{}" width="100%" height="720" style="border:0"></iframe>',
                embed_url,
                self.quickcheck.title,
            ),
            frame_ancestors=settings.QUICKCHECK_FRAME_ANCESTORS,
            quickcheck=self.quickcheck,
            form=form,
            summary=summarise(
                _days(QuickcheckTally.objects.filter(quickcheck=self.quickcheck), form)
            ),
            csv_url=reverse("toolbox_quickcheck_csv", args=[self.quickcheck.pk])
            + ("?" + self.request.GET.urlencode() if self.request.GET else ""),
        )
        return context


def quickcheck_csv(request, page_id):
    quickcheck = _quickcheck(request, page_id)
    form = PeriodForm(request.GET or None)
    responses = _responses(quickcheck, form).order_by("created_at")
    labels = {
        "time": _("Taken at"),
        "perspective": _("Perspective"),
        "points": _("Points"),
        "share": _("Share in per cent"),
        "band": _("Level"),
    }
    response = HttpResponse(
        export_csv(responses, {k: str(v) for k, v in labels.items()}),
        content_type="text/csv; charset=utf-8",
    )
    name = f"quickcheck-{quickcheck.slug}-{datetime.date.today():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
