"""A cohort's progress for its trainers: learner × lesson (done, self-check score or not
yet), lessons done per learner, completion and last visit, as a table in the admin and
as CSV (courses/admin_views.py).

Three queries, however many learners and lessons: the course's modules and lessons
(``progress.build_outlines``), the cohort's enrolments with their learners and
profiles, and the cohort's progress rows (decision 0008). A cohort of 500 learners in
a course of 12 lessons is 6,000 cells, so each cell's HTML is made here once per kind
rather than by a template per cell.
"""

from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext

from cms.accounts.adapter import display_name

from .progress import build_outlines


@dataclass
class Cell:
    """One learner in one lesson."""

    done: bool = False
    score: int | None = None  # the best self-check score in per cent
    html: str = ""  # the table cell (safe HTML), made once per kind (CellStyles)

    def text(self):
        """The cell in words, for the CSV."""
        if self.done:
            if self.score is None:
                return gettext("done")
            return gettext("done (%(score)d %%)") % {"score": self.score}
        if self.score is not None:
            return gettext("not passed yet (%(score)d %%)") % {"score": self.score}
        return ""


class CellStyles:
    """The HTML of the cells, translated once per report."""

    def __init__(self):
        self.open = format_html(
            '<td class="cohort-report__open"><span aria-hidden="true">–</span>'
            '<span class="w-sr-only">{}</span></td>',
            gettext("not yet"),
        )
        self.done = format_html(
            '<td class="cohort-report__done"><span aria-hidden="true">✓</span>'
            '<span class="w-sr-only">{}</span></td>',
            gettext("done"),
        )
        self._done_label = gettext("done")
        self._tried_label = gettext("not passed yet")

    def cell(self, done, score):
        if done and score is None:
            return Cell(True, None, self.done)
        if done:
            html = format_html(
                '<td class="cohort-report__done"><span aria-hidden="true">✓</span>'
                '<span class="w-sr-only">{}:</span> {}&nbsp;%</td>',
                self._done_label,
                score,
            )
            return Cell(True, score, html)
        if score is not None:
            html = format_html(
                '<td class="cohort-report__tried">{}&nbsp;%'
                '<span class="w-sr-only">, {}</span></td>',
                score,
                self._tried_label,
            )
            return Cell(False, score, html)
        return Cell(False, None, self.open)


@dataclass
class LearnerRow:
    enrolment: object
    name: str
    email: str
    cells: list = field(default_factory=list)

    @property
    def done_count(self):
        return sum(1 for cell in self.cells if cell.done)

    @property
    def completed_at(self):
        return self.enrolment.completed_at

    @property
    def last_visited_at(self):
        return self.enrolment.last_visited_at


@dataclass
class CohortReport:
    cohort: object
    lessons: list  # progress.LessonState without progress: page, module, number
    rows: list

    @property
    def total(self):
        return len(self.lessons)

    @property
    def completed_count(self):
        return sum(1 for row in self.rows if row.completed_at is not None)

    def csv_header(self):
        return [
            gettext("Name"),
            gettext("E-mail"),
            gettext("Lessons done"),
            gettext("Lessons in all"),
            gettext("Completed at"),
            gettext("Last visit"),
            *(f"{lesson.number}. {lesson.page.title}" for lesson in self.lessons),
        ]

    def csv_rows(self):
        for row in self.rows:
            yield [
                row.name,
                row.email,
                row.done_count,
                self.total,
                _when(row.completed_at),
                _when(row.last_visited_at),
                *(cell.text() for cell in row.cells),
            ]


def _when(moment):
    return timezone.localtime(moment).strftime("%d.%m.%Y %H:%M") if moment else ""


def cohort_report(cohort):
    """The report of ``cohort`` (its course loaded with it): three queries."""
    from .models import Enrolment, LessonProgress

    lessons = build_outlines([(cohort.course, None)])[0].lessons
    enrolments = list(
        Enrolment.objects.filter(cohort=cohort)
        .select_related("user", "user__profile")
        .only(
            "completed_at",
            "last_visited_at",
            "user__email",
            "user__is_active",
            "user__profile__display_name",
        )
    )
    progress = {
        (enrolment_id, lesson_key): (done_at, score)
        for enrolment_id, lesson_key, done_at, score in LessonProgress.objects.filter(
            enrolment__cohort=cohort
        ).values_list("enrolment_id", "lesson_key", "done_at", "quiz_score")
    }
    styles = CellStyles()
    keys = [lesson.page.translation_key for lesson in lessons]
    rows = []
    for enrolment in enrolments:
        user = enrolment.user
        profile = getattr(user, "profile", None)  # read with the user; None if missing
        user._zh_display_name = profile.display_name if profile is not None else ""
        row = LearnerRow(enrolment=enrolment, name=display_name(user), email=user.email)
        for key in keys:
            done_at, score = progress.get((enrolment.pk, key), (None, None))
            row.cells.append(styles.cell(done_at is not None, score))
        rows.append(row)
    rows.sort(key=lambda row: ((row.name or row.email).casefold(), row.email.casefold()))
    return CohortReport(cohort=cohort, lessons=lessons, rows=rows)
