"""The courses' key figures: published courses and enrolled learners.

``cms`` keeps a key figure per cache generation, and any publish anywhere starts a new
one. These two numbers change far more rarely (a course published or removed, a learner
enrolled or deleted), so they are counted once and kept under a version of their own
that exactly those changes raise: the home page pays no query for them after an
unrelated publish.
"""

from django.db import transaction

from cms import counters
from cms.cache import invalidate, kept

from .learning.models import Enrolment
from .learning.pages import CoursePage

VERSION_KEY = "courses-figures-version"


def _version():
    return counters.version(VERSION_KEY)


def changed(**kwargs):
    """Connected to the signals that change a figure (courses/plugin.py)."""
    counters.bump(VERSION_KEY)


def enrolments_changed(sender, created=True, **kwargs):
    """An enrolment made or deleted: the learner figure and every page showing it."""
    if created:
        changed()
        transaction.on_commit(invalidate)


def counts():
    return kept(
        "courses-figures",
        build=lambda: {
            "courses": CoursePage.objects.live().values("translation_key").distinct().count(),
            "learners": Enrolment.objects.values("user").distinct().count(),
        },
        versions=(VERSION_KEY,),
        generation=False,
    )


def course_count():
    return counts()["courses"]


def learner_count():
    return counts()["learners"]
