"""Fixtures: the demo's course index, small courses built per test, learners."""

import pytest

from courses.models import CourseIndexPage

from .factories import build_course


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
