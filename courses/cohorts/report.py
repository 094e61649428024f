"""A cohort's progress for its trainers: learner × lesson (done, self-check score or not
yet), lessons done per learner, completion and last visit, as a table in the admin and
as CSV (courses/cohorts/admin.py).

Three queries, however many learners and lessons: the course's modules and lessons
(``progress.build_outlines``), the cohort's enrolments with their learners and
profiles, and the cohort's progress rows (decision 0008). A cohort of 500 learners in
a course of 12 lessons is 6,000 cells, so each kind of cell is made here once and a
row's cells are joined before they reach the template.
"""

from dataclasses import dataclass

from django.db.models import BooleanField, ExpressionWrapper, Q
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from ..learning.models import Enrolment, LessonProgress
from ..learning.progress import build_outlines


@dataclass(frozen=True)
class Cell:
    """One learner in one lesson; the same object for every cell of the same kind."""

    done: bool
    score: int | None  # the best self-check score in per cent
    html: str  # the table cell (safe HTML)
    text: str  # the cell in words, for the CSV


class CellStyles:
    """The cells of one report: each kind (done, done with a score, a score not yet
    passing, not yet) is made and translated once, not once per learner and lesson."""

    def __init__(self):
        self.cells = {}

    def cell(self, done, score):
        cell = self.cells.get((done, score))
        if cell is None:
            cell = self.cells[(done, score)] = self._make(done, score)
        return cell

    @staticmethod
    def _make(done, score):
        if done and score is None:
            html = format_html(
                '<td class="cohort-report__done"><span aria-hidden="true">✓</span>'
                '<span class="w-sr-only">{}</span></td>',
                gettext("done"),
            )
            return Cell(True, None, html, gettext("done"))
        if done:
            html = format_html(
                '<td class="cohort-report__done"><span aria-hidden="true">✓</span>'
                '<span class="w-sr-only">{}:</span> {}&nbsp;%</td>',
                gettext("done"),
                score,
            )
            return Cell(True, score, html, gettext("done (%(score)d %%)") % {"score": score})
        if score is not None:
            html = format_html(
                '<td class="cohort-report__tried">{}&nbsp;%'
                '<span class="w-sr-only">, {}</span></td>',
                score,
                gettext("not passed yet"),
            )
            text = gettext("not passed yet (%(score)d %%)") % {"score": score}
            return Cell(False, score, html, text)
        html = format_html(
            '<td class="cohort-report__open"><span aria-hidden="true">–</span>'
            '<span class="w-sr-only">{}</span></td>',
            gettext("not yet"),
        )
        return Cell(False, None, html, "")


@dataclass(slots=True)
class LearnerRow:
    name: str  # the learner's display name, or ""
    email: str
    completed_at: object
    last_visited_at: object
    cells: list  # one Cell per lesson

    @property
    def done_count(self):
        return sum(1 for cell in self.cells if cell.done)

    @property
    def cells_html(self):
        """The row's lesson cells in one piece: a template loop over 6,000 cells costs
        more than the rest of the page."""
        return mark_safe("".join(cell.html for cell in self.cells))


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
                *(cell.text for cell in row.cells),
            ]


def _when(moment):
    return timezone.localtime(moment).strftime("%d.%m.%Y %H:%M") if moment else ""


def cohort_report(cohort):
    """The report of ``cohort`` (its course loaded with it): three queries.

    Learners are named as ``cms.accounts.adapter.display_name`` names them (the
    display name of their profile, or nothing), read with their enrolments in one
    query rather than once per learner. Rows are plain values, not model instances,
    and the progress rows are streamed: a report of 500 learners then leaves little
    for the garbage collector, whose full runs would otherwise slow every few requests.
    """
    lessons = build_outlines([(cohort.course, None)])[0].lessons
    column = {lesson.page.translation_key: n for n, lesson in enumerate(lessons)}
    styles = CellStyles()
    not_yet = styles.cell(False, None)
    rows = {
        pk: LearnerRow(name or "", email, completed_at, last_visited_at, [not_yet] * len(lessons))
        for pk, completed_at, last_visited_at, email, name in Enrolment.objects.filter(
            cohort=cohort
        ).values_list(
            "pk", "completed_at", "last_visited_at", "user__email", "user__profile__display_name"
        )
    }
    if rows and lessons:
        progress = (
            LessonProgress.objects.filter(enrolment__cohort=cohort)
            .annotate(done=ExpressionWrapper(Q(done_at__isnull=False), BooleanField()))
            .values_list("enrolment_id", "lesson_key", "quiz_score", "done")
        )
        for enrolment_id, lesson_key, score, done in progress.iterator(chunk_size=2000):
            n = column.get(lesson_key)
            if n is not None and enrolment_id in rows:
                rows[enrolment_id].cells[n] = styles.cell(done, score)
    ordered = sorted(
        rows.values(), key=lambda row: ((row.name or row.email).casefold(), row.email.casefold())
    )
    return CohortReport(cohort=cohort, lessons=lessons, rows=ordered)
