"""A learner's way through a course: which lessons are done, which are locked, where to
go on, and completion. docs/decisions/0008-course-progress.md explains the storage.

Every page that shows progress builds an ``Outline`` with a fixed number of queries
(the enrolment, the modules and lessons, the progress rows), whatever the number of
lessons; the dashboard builds the outlines of all of a learner's courses with four.
Nothing here depends on a periodic job: a course is complete the moment its last
lesson is done (``complete_if_finished``).
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from wagtail.models import Page

from .models import Enrolment, LessonProgress, ReflectionAnswer
from .signals import course_completed


@dataclass
class LessonState:
    page: object  # the lesson as a plain Page with duration, has_quiz and intro
    module: object  # its module, likewise
    number: int  # 1, 2, … through the whole course
    progress: object = None  # LessonProgress or None
    locked_by: "LessonState | None" = None  # the first earlier lesson still to finish
    # The last earlier lesson still to finish: this one opens when that one is done.
    waits_for: "LessonState | None" = None
    module_state: object = field(default=None, compare=False, repr=False)  # ModuleState

    @property
    def done(self):
        return self.progress is not None and self.progress.done_at is not None

    @property
    def locked(self):
        return self.locked_by is not None

    @property
    def quiz_score(self):
        return self.progress.quiz_score if self.progress is not None else None

    @property
    def place_in_module(self):
        """1, 2, … within its module ("lesson 2 of 5 in module 1")."""
        return next(i for i, s in enumerate(self.module_state.lessons, 1) if s is self)


@dataclass
class ModuleState:
    page: object
    number: int
    lessons: list = field(default_factory=list)

    @property
    def done_count(self):
        return sum(1 for lesson in self.lessons if lesson.done)


@dataclass
class Outline:
    course: object
    enrolment: object = None
    modules: list = field(default_factory=list)
    lessons: list = field(default_factory=list)

    @property
    def enrolled(self):
        return self.enrolment is not None

    @property
    def total(self):
        return len(self.lessons)

    @property
    def done_count(self):
        return sum(1 for lesson in self.lessons if lesson.done)

    @property
    def percent(self):
        return (100 * self.done_count) // self.total if self.total else 0

    @property
    def completed(self):
        return self.enrolment is not None and self.enrolment.completed_at is not None

    @property
    def minutes(self):
        return sum(lesson.page.duration or 0 for lesson in self.lessons)

    @property
    def has_quiz(self):
        return any(lesson.page.has_quiz for lesson in self.lessons)

    def state_of(self, lesson):
        for state in self.lessons:
            if state.page.translation_key == lesson.translation_key:
                return state
        return None

    def neighbours(self, state):
        """The lessons before and after ``state`` in the course."""
        index = self.lessons.index(state)
        before = self.lessons[index - 1] if index > 0 else None
        after = self.lessons[index + 1] if index + 1 < len(self.lessons) else None
        return before, after

    def continue_lesson(self):
        """Where "continue where I left off" leads: the lesson last opened if it is not
        done yet, else the next open lesson after it, else the first open one."""
        open_lessons = [s for s in self.lessons if not s.done and not s.locked]
        if not open_lessons:
            return None
        last = self.enrolment.last_lesson if self.enrolment is not None else None
        state = self.state_of(last) if last is not None else None
        if state is not None:
            if not state.done and not state.locked:
                return state
            later = [s for s in open_lessons if s.number > state.number]
            if later:
                return later[0]
        return open_lessons[0]


def _course_paths(courses):
    condition = Q()
    for course in courses:
        condition |= Q(path__startswith=course.path, depth__gt=course.depth)
    return condition


def _modules_and_lessons(courses):
    """The live modules and lessons below ``courses`` as plain pages in tree order, with
    the fields an outline shows: one query, however many there are."""
    return list(
        Page.objects.live()
        .filter(_course_paths(courses))
        .annotate(
            intro=Coalesce(F("modulepage__intro"), F("lessonpage__intro")),
            duration=F("lessonpage__duration"),
            has_quiz=Coalesce(F("lessonpage__has_quiz"), Value(False)),
        )
        .order_by("path")
    )


def build_outlines(pairs):
    """Outlines for (course, enrolment or None) pairs: two queries for any number."""

    pairs = list(pairs)
    if not pairs:
        return []
    pages = _modules_and_lessons(course for course, _ in pairs)
    enrolments = [enrolment for _, enrolment in pairs if enrolment is not None]
    progress = {}
    if enrolments:
        for row in LessonProgress.objects.filter(enrolment__in=enrolments).defer("quiz_answers"):
            progress[(row.enrolment_id, row.lesson_key)] = row

    step = Page.steplen
    outlines = []
    for course, enrolment in pairs:
        outline = Outline(course=course, enrolment=enrolment)
        modules = {}
        for page in pages:
            if not page.path.startswith(course.path):
                continue
            if page.depth == course.depth + 1:
                modules[page.path] = ModuleState(page=page, number=len(modules) + 1)
                continue
            module = modules.get(page.path[:-step])
            if page.depth != course.depth + 2 or module is None:
                continue  # its module is not published
            state = LessonState(
                page=page,
                module=module.page,
                module_state=module,
                number=len(outline.lessons) + 1,
                progress=progress.get((enrolment.pk, page.translation_key))
                if enrolment is not None
                else None,
            )
            module.lessons.append(state)
            outline.lessons.append(state)
        outline.modules = list(modules.values())
        if enrolment is not None and course.sequential:
            first_open = last_open = None
            for state in outline.lessons:
                state.locked_by, state.waits_for = first_open, last_open
                if not state.done:
                    first_open, last_open = first_open or state, state
        outlines.append(outline)
    return outlines


def enrolment_for(user, course):

    if not user.is_authenticated:
        return None
    return (
        Enrolment.objects.filter(user=user, course_key=course.translation_key)
        .select_related("last_lesson", "certificate")
        .first()
    )


def course_outline(course, user):
    """The outline of one course as ``user`` sees it (three queries)."""
    return build_outlines([(course, enrolment_for(user, course))])[0]


def dashboard_outlines(user, locale_id, live_courses):
    """The outlines of every course ``user`` is enrolled in, in the locale where the
    course has a live page in it (``live_courses``, the live course pages): four
    queries, whatever the number of courses."""

    enrolments = list(
        Enrolment.objects.filter(user=user)
        .select_related("last_lesson", "certificate")
        .order_by("completed_at", "-last_visited_at", "-enrolled_at")
    )
    if not enrolments:
        return []
    # The course in this locale if it has a live page in it, else in another language.
    local = {}
    for course in live_courses.filter(
        translation_key__in=[e.course_key for e in enrolments]
    ).select_related("image"):
        if course.translation_key not in local or course.locale_id == locale_id:
            local[course.translation_key] = course
    pairs = []
    for enrolment in enrolments:
        course = local.get(enrolment.course_key)
        if course is not None:
            pairs.append((course, enrolment))
    return build_outlines(pairs)


# -- changes ---------------------------------------------------------------------------
def enrol(user, course, key=None):
    """Enrol ``user`` (idempotent); returns (enrolment, created). The key figure
    "learners enrolled" follows (courses.figures).

    A key of a cohort puts the enrolment in that cohort, also when the learner was
    enrolled before (their progress stays): they join the group of the trainer who
    handed out the key."""

    cohort_id = key.cohort_id if key is not None else None
    enrolment, created = Enrolment.objects.get_or_create(
        user=user,
        course_key=course.translation_key,
        defaults={"course": course, "key": key, "cohort_id": cohort_id},
    )
    if not created and cohort_id is not None and enrolment.cohort_id != cohort_id:
        Enrolment.objects.filter(pk=enrolment.pk).update(key=key, cohort_id=cohort_id)
        enrolment.key, enrolment.cohort_id = key, cohort_id
    return enrolment, created


def visited(enrolment, lesson):
    """Remember the lesson last opened, for "continue where I left off"."""

    if enrolment.last_lesson_id == lesson.pk:
        return  # a reload
    now = timezone.now()
    Enrolment.objects.filter(pk=enrolment.pk).update(last_lesson=lesson, last_visited_at=now)
    enrolment.last_lesson = lesson
    enrolment.last_visited_at = now


def _progress_row(enrolment, lesson):

    row, _ = LessonProgress.objects.select_for_update().get_or_create(
        enrolment=enrolment,
        lesson_key=lesson.translation_key,
        defaults={"lesson": lesson},
    )
    return row


def mark_done(enrolment, lesson, course):
    """Mark a lesson as done and complete the course if it was the last one.
    Returns True when this completed the course."""
    with transaction.atomic():
        row = _progress_row(enrolment, lesson)
        if row.done_at is not None:
            return False
        row.done_at = timezone.now()
        row.save(update_fields=["done_at"])
        return complete_if_finished(enrolment, course)


def record_quiz(enrolment, lesson, course, answers, grade):
    """Keep a quiz attempt; passing it finishes the lesson (and maybe the course).
    Returns (progress row, completed the course?)."""
    with transaction.atomic():
        row = _progress_row(enrolment, lesson)
        row.quiz_answers = answers
        row.quiz_attempts = min(row.quiz_attempts + 1, 32767)
        row.quiz_answered_at = timezone.now()
        row.quiz_score = max(row.quiz_score or 0, grade.score)
        completed = False
        if grade.passed and row.done_at is None:
            row.done_at = row.quiz_answered_at
            row.save()
            completed = complete_if_finished(enrolment, course)
        else:
            row.save()
    return row, completed


def complete_if_finished(enrolment, course):
    """Set ``completed_at`` and send ``course_completed`` when every live lesson of the
    course is done. Two queries; runs in the transaction that finished a lesson.
    Returns True when this call completed the course."""

    if enrolment.completed_at is not None:
        return False
    # The lessons the outline shows: live, below a live module (as build_outlines).
    pages = _modules_and_lessons([course])
    modules = {page.path for page in pages if page.depth == course.depth + 1}
    lessons = {
        page.translation_key
        for page in pages
        if page.depth == course.depth + 2 and page.path[: -Page.steplen] in modules
    }
    done = set(
        LessonProgress.objects.filter(enrolment=enrolment, done_at__isnull=False).values_list(
            "lesson_key", flat=True
        )
    )
    if not lessons or not lessons <= done:
        return False
    now = timezone.now()
    # Only one request completes an enrolment, even when two finish lessons at once.
    if not Enrolment.objects.filter(pk=enrolment.pk, completed_at__isnull=True).update(
        completed_at=now
    ):
        return False
    enrolment.completed_at = now
    course_completed.send(sender=Enrolment, enrolment=enrolment)
    return True


def complete_finished(course_key, any_version=None):
    """Complete every open enrolment in the course (``course_key``, its translation key)
    whose lessons are now all done: after the editors took out, unpublished or moved
    the last lesson a learner had left. An enrolment whose language version of the
    course is gone is checked against ``any_version`` (another one), if there is one.
    Returns how many were completed."""
    completed = 0
    open_enrolments = Enrolment.objects.filter(
        course_key=course_key, completed_at__isnull=True
    ).select_related("course")
    for enrolment in open_enrolments:
        course = enrolment.course or any_version
        if course is None:
            continue
        with transaction.atomic():
            completed += complete_if_finished(enrolment, course)
    return completed


def save_reflection(user, lesson, block_id, text):
    """Keep (or, when empty, delete) a learner's answer to a reflection task."""

    text = (text or "").strip()
    if not text:
        ReflectionAnswer.objects.filter(
            user=user, lesson_key=lesson.translation_key, block_id=block_id
        ).delete()
        return None
    answer, _ = ReflectionAnswer.objects.update_or_create(
        user=user,
        lesson_key=lesson.translation_key,
        block_id=block_id,
        defaults={"lesson": lesson, "text": text, "updated_at": timezone.now()},
    )
    return answer
