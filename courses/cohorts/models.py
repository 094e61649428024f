"""Cohorts: a group of learners who take a course together with their trainers.

Trainers (the group "Ausbilder") see in the admin only the cohorts they train, and in
each its progress report; a learner joins a cohort by enrolling with one of its keys
(``courses.learning.progress.enrol``). A learner sees only their own records.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..learning.models import EnrolmentKey

# The Wagtail group of trainers, made by migration 0003_cohorts.
TRAINER_GROUP = "Ausbilder"


class CohortQuerySet(models.QuerySet):
    def for_trainer(self, user):
        """The cohorts ``user`` may see: those they train; an administrator sees all."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(trainers=user)


class Cohort(models.Model):
    name = models.CharField(
        _("name"),
        max_length=120,
        help_text=_("E.g. 'Lotse training Berufskolleg Dortmund, autumn 2026'."),
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        on_delete=models.CASCADE,
        related_name="cohorts",
    )
    trainers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainers"),
        related_name="trained_cohorts",
        blank=True,
        help_text=_("They see the cohort and its progress report in the admin."),
    )
    notes = models.TextField(
        _("notes"),
        blank=True,
        max_length=2000,
        help_text=_("For the trainers; learners never see them."),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)

    objects = CohortQuerySet.as_manager()

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        ordering = ["-created_at"]

    def __str__(self):
        return self.name

    def add_key(self, **fields):
        """A new enrolment key for this cohort (generated unless ``key`` is given)."""
        fields.setdefault("label", self.name[:120])
        return EnrolmentKey.objects.create(course_id=self.course_id, cohort=self, **fields)
