"""The courses' demo content: the Lotse training and the shorter course, loaded once."""

import io

from django.contrib.auth import get_user_model

from wagtail.models import Page

from cms.demo import loaders
from courses.models import (
    CoursePage,
    Enrolment,
    EnrolmentKey,
    LessonPage,
    LessonProgress,
    ModulePage,
    ReflectionAnswer,
)


def _counts():
    return (
        Page.objects.count(),
        Enrolment.objects.count(),
        EnrolmentKey.objects.count(),
        LessonProgress.objects.count(),
        ReflectionAnswer.objects.count(),
        get_user_model().objects.count(),
    )


def test_loading_the_course_demo_again_changes_nothing(home):
    before = _counts()
    out = io.StringIO()
    dict(loaders())["courses.load_demo"](home, out)
    assert _counts() == before
    assert out.getvalue() == ""


def test_the_lotse_training_is_built_from_the_toolbox_themes(db):
    course = CoursePage.objects.get(slug="lotsenausbildung", locale__language_code="de")
    assert course.title == "Lotsenausbildung Mentoring 4.0"
    assert course.sequential and course.needs_key() and course.pass_mark == 80
    modules = list(ModulePage.objects.live().child_of(course))
    assert [m.title for m in modules] == [
        "Tandems finden und bilden",
        "Zwischenmenschliches und Hürden",
        "Motivation",
        "Wie Jung und Alt lernen",
        "Wissen im Betrieb sichern",
    ]
    lessons = list(LessonPage.objects.live().descendant_of(course))
    assert len(lessons) >= 12
    kinds = {block.block_type for lesson in lessons for block in lesson.body}
    assert {"text", "video", "downloads", "reflection", "quiz"} <= kinds
    quizzes = [b.value for lesson in lessons for b in lesson.body if b.block_type == "quiz"]
    assert len(quizzes) >= 4
    for quiz in quizzes:
        for question in quiz["questions"]:
            assert any(option["right"] for option in question["options"])
            assert all(option["feedback"] for option in question["options"])
    assert any(q["multiple"] for quiz in quizzes for q in quiz["questions"])


def test_the_course_for_further_training_mentors_is_open(db):
    course = CoursePage.objects.get(slug="weiterbildungsmentoring", locale__language_code="de")
    assert "Weiterbildungsmentor*innen" in course.title
    assert not course.needs_key() and not course.sequential
    assert LessonPage.objects.live().descendant_of(course).count() == 4
