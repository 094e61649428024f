"""The courses in the admin: course, module and lesson pages are edited in the page
tree; cohorts (with their progress reports) and enrolment keys have their own lists,
which show a trainer only their own cohorts (courses/cohorts/admin.py)."""

from django import forms
from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet

from .cohorts import admin as admin_views
from .cohorts.dashboard import MyCohortsPanel
from .cohorts.models import Cohort
from .learning.models import EnrolmentKey


class EnrolmentKeyViewSet(ModelViewSet):
    model = EnrolmentKey
    icon = "key"
    menu_label = _("Enrolment keys")
    menu_order = 280
    add_to_admin_menu = True
    list_display = ["key", "course", "cohort", "label", "active", "valid_until"]
    list_filter = ["active"]
    search_fields = ["key", "label"]
    copy_view_enabled = False
    index_view_class = admin_views.KeyIndexView
    add_view_class = admin_views.KeyCreateView
    edit_view_class = admin_views.KeyEditView
    delete_view_class = admin_views.KeyDeleteView
    history_view_class = admin_views.KeyHistoryView
    usage_view_class = admin_views.KeyUsageView
    edit_handler = ObjectList(
        [
            FieldPanel("cohort", widget=forms.Select),
            FieldPanel("course", widget=forms.Select),
            FieldPanel("key"),
            FieldPanel("label"),
            FieldPanel("active"),
            FieldPanel("valid_until"),
        ],
        base_form_class=admin_views.EnrolmentKeyForm,
    )


class CohortViewSet(ModelViewSet):
    model = Cohort
    icon = "group"
    menu_label = _("Cohorts")
    menu_order = 281
    add_to_admin_menu = True
    url_prefix = "kohorten"
    list_display = [
        "name",
        "course",
        Column("learner_count", label=_("Learners")),
        admin_views.ReportLinkColumn("report", label=_("Progress report")),
        "created_at",
    ]
    search_fields = ["name"]
    copy_view_enabled = False
    index_view_class = admin_views.CohortIndexView
    add_view_class = admin_views.CohortCreateView
    edit_view_class = admin_views.CohortEditView
    delete_view_class = admin_views.CohortDeleteView
    history_view_class = admin_views.CohortHistoryView
    usage_view_class = admin_views.CohortUsageView
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("course", widget=forms.Select),
            FieldPanel("trainers"),
            FieldPanel("notes"),
            admin_views.CohortKeysPanel(heading=_("Enrolment keys")),
        ],
        base_form_class=admin_views.CohortForm,
    )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("<int:pk>/fortschritt/", admin_views.CohortReportView.as_view(), name="report"),
            path("<int:pk>/fortschritt/csv/", admin_views.cohort_report_csv, name="report_csv"),
        ]


@hooks.register("register_admin_viewset")
def register_enrolment_keys():
    return EnrolmentKeyViewSet("enrolment_keys")


@hooks.register("register_admin_viewset")
def register_cohorts():
    return CohortViewSet("cohorts")


@hooks.register("construct_homepage_panels")
def add_cohorts_panel(request, panels):
    panels.append(MyCohortsPanel())
