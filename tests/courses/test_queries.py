"""The SQL queries of course, module, lesson and dashboard pages do not grow with the
number of modules, lessons, enrolments or learners (at most 20 each)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from courses.learning import progress
from courses.models import Enrolment, LessonProgress

from .factories import add_modules, lessons_of

LIMIT = 20


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


def _count(client, url):
    client.get(url)  # warm the per-process caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def _finish_half(enrolment, course):
    for lesson in lessons_of(course)[::2]:
        progress.mark_done(enrolment, lesson, course)


def _other_learners(django_user_model, course, count):
    """Learners with progress in the course: none of them may cost the page a query."""
    for n in range(count):
        user = django_user_model.objects.create_user(f"andere-{course.pk}-{n}")
        enrolment, _ = progress.enrol(user, course)
        _finish_half(enrolment, course)


@pytest.mark.parametrize("who", ["anonymous", "learner"])
def test_course_and_module_pages_stay_flat(client, learner, make_course, django_user_model, who):
    course = make_course(modules=1, lessons=2, quiz_every=2, sequential=True)
    if who == "learner":
        client.force_login(learner)
        enrolment, _ = progress.enrol(learner, course)
        _finish_half(enrolment, course)
    module_url = lessons_of(course)[0].get_parent().url
    few = _count(client, course.url), _count(client, module_url)

    add_modules(course, modules=4, lessons=5, quiz_every=3)
    _other_learners(django_user_model, course, 5)
    if who == "learner":
        _finish_half(enrolment, course)
    many = _count(client, course.url), _count(client, module_url)
    assert many == few, f"{who}: course and module page {few} queries, then {many}"
    assert max(many) <= LIMIT, many


def test_a_lesson_page_stays_flat(client, learner, make_course, django_user_model):
    course = make_course(modules=1, lessons=2, quiz_every=2)
    client.force_login(learner)
    enrolment, _ = progress.enrol(learner, course)
    lesson = lessons_of(course)[1]  # with the quiz
    few = _count(client, lesson.url)
    add_modules(course, modules=4, lessons=5, quiz_every=3)
    _other_learners(django_user_model, course, 5)
    _finish_half(enrolment, course)
    many = _count(client, lesson.url)
    assert many == few <= LIMIT, (few, many)


def test_the_dashboard_stays_flat(client, learner, make_course):
    client.force_login(learner)
    first = make_course(modules=1, lessons=2, slug="dashboard-1")
    enrolment, _ = progress.enrol(learner, first)
    _finish_half(enrolment, first)
    few = _count(client, "/kurse/meine-kurse/")

    for n in range(2, 7):
        course = make_course(modules=3, lessons=4, slug=f"dashboard-{n}", sequential=n % 2 == 0)
        enrolment, _ = progress.enrol(learner, course)
        _finish_half(enrolment, course)
        progress.visited(enrolment, lessons_of(course)[5])
    add_modules(first, modules=3, lessons=4)
    assert Enrolment.objects.filter(user=learner).count() == 6
    assert LessonProgress.objects.filter(enrolment__user=learner).count() > 30
    many = _count(client, "/kurse/meine-kurse/")
    assert many == few <= LIMIT, (few, many)
