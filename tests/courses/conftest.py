"""Fixtures: the demo's course index, small courses built per test, learners."""

import pytest

from cms.models import Profile
from courses.models import Certificate, CourseIndexPage

from .factories import build_course, lessons_of


@pytest.fixture
def course_index(db):
    return CourseIndexPage.objects.get(slug="kurse", locale__language_code="de")


@pytest.fixture
def make_course(course_index):
    """A course with ``modules`` × ``lessons``; every ``quiz_every``-th lesson has a quiz."""
    made = []

    def make(modules=2, lessons=2, **fields):
        made.append(1)
        slug = fields.pop("slug", f"testkurs-{len(made)}")
        return build_course(course_index, slug, modules=modules, lessons=lessons, **fields)

    return make


@pytest.fixture
def learner(db, django_user_model):
    return django_user_model.objects.create_user("lea", password="geheim-genug-123")


@pytest.fixture
def other_learner(db, django_user_model):
    return django_user_model.objects.create_user("olaf", password="geheim-genug-123")


@pytest.fixture
def completed(client, learner, make_course, django_capture_on_commit_callbacks, mailoutbox):
    """The learner, with a display name, completes a two-lesson Lotse course."""
    Profile.objects.create(user=learner, display_name="Lea Lernend")
    learner.email = "lea@example.org"
    learner.save()
    course = make_course(modules=1, lessons=2, trains_lotsen=True)
    client.force_login(learner)
    client.post(course.url + "einschreiben/")
    lessons = lessons_of(course)
    client.post(lessons[0].url + "erledigt/")
    assert not Certificate.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(lessons[1].url + "erledigt/")
    return course
