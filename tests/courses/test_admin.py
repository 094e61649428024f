"""Editors build courses in the page tree; a quiz question needs a right answer, and a
single-choice question exactly one; enrolment keys have their own list."""

from django.utils import translation

from wagtail.blocks import StreamBlockValidationError, StreamValue
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from courses.learning.blocks import LessonStreamBlock, QuizQuestionBlock
from courses.models import CoursePage, EnrolmentKey, LessonPage, ModulePage

from .factories import LOTSE


def _question(multiple, *rights):
    return {
        "question": "Was stimmt?",
        "multiple": multiple,
        "options": [
            {"text": f"Antwort {n}", "right": right, "feedback": ""}
            for n, right in enumerate(rights)
        ],
    }


def _errors(block, value):
    with pytest.raises(StructBlockValidationError) as caught:
        block.clean(block.to_python(value))
    return caught.value


def test_a_question_without_a_right_answer_is_refused_in_german(db):
    block = QuizQuestionBlock()
    with translation.override("de"):
        error = _errors(block, _question(False, False, False))
        options = error.block_errors["options"]
        assert [e.message for e in options.non_block_errors.as_data()] == [
            "Markieren Sie mindestens eine Antwort als richtig."
        ]


def test_single_choice_allows_one_right_answer_only(db):
    block = QuizQuestionBlock()
    with translation.override("de"):
        error = _errors(block, _question(False, True, False, True))
        per_option = error.block_errors["options"].block_errors
        assert list(per_option) == [2]  # the second right one is marked
        message = per_option[2].block_errors["right"].message
        assert message.startswith("Hier kann nur eine Antwort richtig sein.")
    block.clean(block.to_python(_question(True, True, False, True)))  # several: fine
    block.clean(block.to_python(_question(False, False, True)))


def test_a_lesson_takes_one_quiz_at_most(db):
    block = LessonStreamBlock()
    quiz = {"heading": "", "intro": "", "questions": [_question(False, True, False)]}
    value = StreamValue(block, [("quiz", quiz), ("quiz", quiz)])
    with translation.override("de"), pytest.raises(StreamBlockValidationError) as caught:
        block.clean(value)
    assert caught.value.as_json_data() == {
        "messages": ["Selbsttest: Die maximale Anzahl an Elementen ist 1"]
    }


def _list(items):
    data = {"count": str(len(items))}
    for index, item in enumerate(items):
        data[str(index)] = {"value": item, "deleted": "", "order": str(index), "id": ""}
    return data


def _lesson_form(options):
    return nested_form_data(
        {
            "title": "Neue Lektion",
            "slug": "neue-lektion",
            "intro": "Kurz und knapp.",
            "duration": "15",
            "body": streamfield(
                [
                    ("text", rich_text("<p>Worum es geht.</p>")),
                    ("reflection", {"prompt": "Was nehmen Sie mit?", "hint": ""}),
                    (
                        "quiz",
                        {
                            "heading": "",
                            "intro": "",
                            "questions": _list(
                                [
                                    {
                                        "question": "Was stimmt?",
                                        "multiple": "",
                                        "options": _list(options),
                                    }
                                ]
                            ),
                        },
                    ),
                ]
            ),
            "comments": inline_formset([]),
            "action-publish": "action-publish",
        }
    )


def test_an_editor_adds_a_lesson_with_a_quiz_in_the_page_tree(client, editor):
    course = CoursePage.objects.get(slug="weiterbildungsmentoring", locale__language_code="de")
    module = ModulePage.objects.child_of(course).first()
    client.force_login(editor)
    url = f"/admin/pages/add/courses/lessonpage/{module.pk}/"
    wrong = [
        {"text": "Ja", "right": "", "feedback": "Nein."},
        {"text": "Nein", "right": "", "feedback": "Doch."},
    ]
    response = client.post(url, _lesson_form(wrong))
    assert response.status_code == 200
    assert not LessonPage.objects.filter(slug="neue-lektion").exists()
    assert "Markieren Sie mindestens eine Antwort als richtig." in response.text

    right = [
        {"text": "Ja", "right": "on", "feedback": "Genau."},
        {"text": "Nein", "right": "", "feedback": "Doch."},
    ]
    response = client.post(url, _lesson_form(right))
    assert response.status_code == 302
    lesson = LessonPage.objects.get(slug="neue-lektion", locale=module.locale)
    assert lesson.live and lesson.has_quiz and lesson.duration == 15
    assert "Neue Lektion" in client.get(course.url).text


def test_enrolment_keys_have_their_own_admin_list(client, editor):
    client.force_login(editor)
    listing = client.get("/admin/enrolment_keys/")
    assert listing.status_code == 200 and "LOTSEN-2026" in listing.text
    course = CoursePage.objects.get(slug="lotsenausbildung", locale__language_code="de")
    response = client.post(
        "/admin/enrolment_keys/new/",
        {"course": course.pk, "key": "herbst 2027", "label": "Kohorte Herbst", "active": "on"},
    )
    assert response.status_code == 302
    assert EnrolmentKey.objects.get(label="Kohorte Herbst").key == "HERBST2027"
    assert client.get(LOTSE).status_code == 200
