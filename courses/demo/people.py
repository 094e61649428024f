"""The people of the Lotse training's demo, from people.toml: its enrolment key; the
trainer "ausbilder" (group Ausbilder, who may also edit the courses) with her cohort,
which owns the key, and three learners in it who are further on or behind than the
demo learner, so that its report shows something; and the demo learner half-way into
the first module. Idempotent: what exists is left alone."""

import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from cms.demo import demo_data
from cms.management.commands.load_demo import DEFAULT_DEMO_PASSWORD, DEMO_PASSWORD_ENV
from cms.models import Profile

from ..cohorts.models import TRAINER_GROUP
from ..learning import progress
from ..models import Cohort, Enrolment, EnrolmentKey, LessonPage


def load_people(index, course):
    """The key, the trainer with the cohort and the demo learner of ``course`` (the Lotse
    training below ``index``); returns the key."""
    people = demo_data(__file__, "people")
    key = people["enrolment_key"]
    EnrolmentKey.objects.get_or_create(
        key=key["key"], defaults={"course": course, "label": key["label"]}
    )
    _cohort(index, course, people["trainer"], people["cohort"], key["key"])
    _learner(course, people["learner"], key["key"])
    return key["key"]


def _account(person):
    """The demo account of ``person`` (username, first_name, last_name), made if missing;
    and whether it was made."""
    User = get_user_model()
    user = User.objects.filter(username=person["username"]).first()
    if user is not None:
        return user, False
    user = User.objects.create_user(
        username=person["username"],
        password=os.environ.get(DEMO_PASSWORD_ENV, DEFAULT_DEMO_PASSWORD),
        first_name=person["first_name"],
        last_name=person["last_name"],
        email=f"{person['username']}@zukunftshub.example",
    )
    return user, True


def _cohort(index, course, trainer, cohort, key):
    """The trainer (who may add and change pages below the course index) and the cohort,
    which owns the key, with its learners."""
    group, _ = Group.objects.get_or_create(name=TRAINER_GROUP)
    trainer, created = _account(trainer)
    if created:
        trainer.groups.add(group)
        # Course content below the course index, submitted for approval like any page.
        for codename in ("add_page", "change_page"):
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=index,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )
        root = Collection.get_first_root_node()
        for codename in ("add_image", "choose_image", "add_document", "choose_document"):
            permission = Permission.objects.filter(codename=codename).first()
            if permission is not None:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root, permission=permission
                )
    if Cohort.objects.filter(name=cohort["name"]).exists():
        return
    made = Cohort.objects.create(name=cohort["name"], course=course, notes=cohort["notes"])
    made.trainers.add(trainer)
    unowned = EnrolmentKey.objects.filter(key=key, cohort__isnull=True).first()
    if unowned is not None:
        unowned.cohort = made
        unowned.save()
    # Enrolled with the demo key before cohorts existed: into the cohort.
    Enrolment.objects.filter(key__key=key, cohort__isnull=True).update(cohort=made)
    _cohort_learners(course, cohort["learner"], key)


def _cohort_learners(course, learners, key):
    """The cohort's other learners (no login: their passwords are unusable)."""
    User = get_user_model()
    key = EnrolmentKey.objects.get(key=key)
    lessons = list(LessonPage.objects.live().descendant_of(course).order_by("path"))
    for learner in learners:
        username = learner["username"]
        if User.objects.filter(username=username).exists():
            continue
        user = User.objects.create_user(
            username=username, email=f"{username}@zukunftshub.example", password=None
        )
        Profile.objects.create(
            user=user, display_name=learner["name"], organisation=learner["organisation"]
        )
        enrolment, _ = progress.enrol(user, course, key=key)
        done = learner["lessons_done"]
        _finish(enrolment, course, lessons[:done])
        if done:
            progress.visited(enrolment, lessons[min(done, len(lessons) - 1)])


def _learner(course, learner, key):
    """The demo learner (cms's demo makes the account; here it is made only when that
    is missing) with her first lessons done and an answer to the first reflection task."""
    user, _ = _account(learner)
    if Enrolment.objects.filter(user=user, course_key=course.translation_key).exists():
        return
    enrolment, _ = progress.enrol(user, course, key=EnrolmentKey.objects.get(key=key))
    done = learner["lessons_done"]
    lessons = list(LessonPage.objects.live().descendant_of(course).order_by("path")[: done + 1])
    _finish(enrolment, course, lessons[:done])
    reflection = next(b for b in lessons[0].body if b.block_type == "reflection")
    progress.save_reflection(user, lessons[0], reflection.id, learner["reflection"])
    progress.visited(enrolment, lessons[done])


def _finish(enrolment, course, lessons):
    """The lessons done, a self-check passed with full marks where there is one."""
    for lesson in lessons:
        if lesson.has_quiz:
            progress.record_quiz(enrolment, lesson, course, {}, _Passed())
        else:
            progress.mark_done(enrolment, lesson, course)


class _Passed:
    """A self-check passed with full marks (the demo's learners answered well)."""

    score = 100
    passed = True
