"""What the course remembers per learner: enrolment keys, enrolments, progress per
lesson and private reflection answers (docs/decisions/0008-course-progress.md).

A course and its lessons exist once per language (a German page, its English
translation or alias). Learners' records name the page they used and, for lookups,
its ``translation_key``, which all translations share: progress made in German counts
on the English pages and back. Learners are plain Django users.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

KEY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to mix up


def new_key():
    return "-".join("".join(secrets.choice(KEY_ALPHABET) for _ in range(4)) for _ in range(3))


def normalise_key(text):
    """How a key is compared: capitals, no spaces around or inside."""
    return "".join((text or "").split()).upper()


class EnrolmentKey(models.Model):
    """A key that lets learners enrol in a course that asks for one.

    Trainers hand a key to a group. A key of a cohort enrols learners in that cohort;
    it is always for the cohort's course. An enrolment remembers the key it was made with.
    """

    cohort = models.ForeignKey(
        "courses.Cohort",
        verbose_name=_("cohort"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="keys",
        help_text=_("Learners who enrol with this key join this cohort."),
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        on_delete=models.CASCADE,
        related_name="enrolment_keys",
    )
    key = models.CharField(
        _("key"),
        max_length=40,
        unique=True,
        default=new_key,
        help_text=_("What learners type in. Capitals and spaces do not matter."),
    )
    label = models.CharField(
        _("for whom"),
        max_length=120,
        blank=True,
        help_text=_("E.g. 'Berufskolleg Dortmund, autumn 2026'. Learners do not see it."),
    )
    active = models.BooleanField(_("active"), default=True)
    valid_until = models.DateField(
        _("valid until"), null=True, blank=True, help_text=_("Empty: valid until switched off.")
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("enrolment key")
        verbose_name_plural = _("enrolment keys")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.key} ({self.label})" if self.label else self.key

    def save(self, *args, **kwargs):
        self.key = normalise_key(self.key)
        if self.cohort_id is not None:
            self.course_id = self.cohort.course_id
        super().save(*args, **kwargs)

    def get_active_display(self):
        """The admin list says "Ja"/"Nein", not "True"/"False"."""
        return gettext("Yes") if self.active else gettext("No")

    def is_valid_today(self):
        return self.active and (
            self.valid_until is None or self.valid_until >= timezone.localdate()
        )


class Enrolment(models.Model):
    """A learner in a course: since when, where they were last, and when they finished.

    ``completed_at`` is set the moment the last lesson is finished
    (``courses.learning.progress.complete_if_finished``), never by a periodic job, and then
    ``courses.signals.course_completed`` is sent.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="course_enrolments",
    )
    # SET_NULL: deleting one language version of a course keeps the learner's records;
    # course_key finds the course in every other language.
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="enrolments",
        help_text=_("The course page on which the learner enrolled (in their language)."),
    )
    # The course's translation_key: the same in every language.
    course_key = models.UUIDField(editable=False)
    key = models.ForeignKey(
        EnrolmentKey,
        verbose_name=_("enrolment key"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="enrolments",
    )
    cohort = models.ForeignKey(
        "courses.Cohort",
        verbose_name=_("cohort"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="enrolments",
    )
    enrolled_at = models.DateTimeField(_("enrolled at"), default=timezone.now)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    last_lesson = models.ForeignKey(
        "courses.LessonPage",
        verbose_name=_("last lesson opened"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    last_visited_at = models.DateTimeField(_("last visited at"), null=True, blank=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["-enrolled_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course_key"], name="courses_one_enrolment_per_course"
            )
        ]
        indexes = [models.Index(fields=["course_key", "completed_at"])]

    def __str__(self):
        return f"{self.user} · {self.course.title if self.course else self.course_key}"

    def save(self, *args, **kwargs):
        if self.course_key is None and self.course_id is not None:
            self.course_key = self.course.translation_key
        super().save(*args, **kwargs)


class LessonProgress(models.Model):
    """One learner's progress in one lesson.

    ``done_at`` is set when the lesson is finished: marked as done, or, for a lesson
    with a self-check quiz, by passing the quiz. ``quiz_score`` is the best score so
    far in per cent; ``quiz_answers`` the last answers sent (question id → option ids),
    from which the feedback is shown again.
    """

    enrolment = models.ForeignKey(
        Enrolment, verbose_name=_("enrolment"), on_delete=models.CASCADE, related_name="progress"
    )
    lesson = models.ForeignKey(
        "courses.LessonPage",
        verbose_name=_("lesson"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The lesson's translation_key: the same in every language.
    lesson_key = models.UUIDField(editable=False)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    quiz_score = models.PositiveSmallIntegerField(_("best quiz score (%)"), null=True, blank=True)
    quiz_attempts = models.PositiveSmallIntegerField(_("quiz attempts"), default=0)
    quiz_answers = models.JSONField(_("last quiz answers"), default=dict, blank=True)
    quiz_answered_at = models.DateTimeField(_("quiz last sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("lesson progress")
        verbose_name_plural = _("lesson progress")
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "lesson_key"], name="courses_one_progress_per_lesson"
            )
        ]

    def __str__(self):
        return f"{self.enrolment} · {self.lesson_key}"

    def save(self, *args, **kwargs):
        if self.lesson_key is None and self.lesson_id is not None:
            self.lesson_key = self.lesson.translation_key
        super().save(*args, **kwargs)


class ReflectionAnswer(models.Model):
    """A learner's private answer to a reflection task. Only the learner sees it: it is
    read by ``request.user`` alone, never by an id in an address."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="course_reflections",
    )
    lesson = models.ForeignKey(
        "courses.LessonPage",
        verbose_name=_("lesson"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lesson_key = models.UUIDField(editable=False)
    block_id = models.CharField(_("task"), max_length=64)  # the reflection block's id
    text = models.TextField(_("answer"), max_length=5000)
    updated_at = models.DateTimeField(_("saved at"), default=timezone.now)

    class Meta:
        verbose_name = _("reflection answer")
        verbose_name_plural = _("reflection answers")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "lesson_key", "block_id"], name="courses_one_answer_per_task"
            )
        ]

    def __str__(self):
        return f"{self.user} · {self.block_id}"

    def save(self, *args, **kwargs):
        if self.lesson_key is None and self.lesson_id is not None:
            self.lesson_key = self.lesson.translation_key
        super().save(*args, **kwargs)
