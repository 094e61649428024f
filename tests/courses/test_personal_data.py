"""The learner's data download as they read it: self-check answers and reflection tasks
by their wording, not by the ids the site keeps them by."""

import json

from .factories import answer, lessons_of

HALF_RIGHT = {
    "Wer entscheidet, was im Tandem gelernt wird?": ["Der Lotse"],
    "Was prüfen Sie nach dem ersten Treffen?": ["Ein gemeinsames Ziel", "Eine feste Zeit"],
}


def _lessons(data):
    (enrolment,) = data["courses"]["data"]["enrolments"]
    return enrolment["lessons"]


def test_the_download_gives_quiz_answers_and_tasks_as_text(client, learner, make_course):
    course = make_course(modules=1, lessons=1, quiz_every=1)
    (lesson,) = lessons_of(course)
    client.force_login(learner)
    client.post(course.url + "einschreiben/")
    page = client.get(lesson.url).text
    client.post(lesson.url + "selbsttest/", answer(page, HALF_RIGHT))
    block_id = next(b.id for b in lesson.body if b.block_type == "reflection")
    client.post(f"{lesson.url}reflexion/{block_id}/", {"antwort": "Zuhören."})

    data = json.loads(client.get("/konto/meine-daten/").content)
    (progress,) = _lessons(data)
    assert progress["quiz_answers"] == [
        {"question": "Wer entscheidet, was im Tandem gelernt wird?", "answers": ["Der Lotse"]},
        {
            "question": "Was prüfen Sie nach dem ersten Treffen?",
            "answers": ["Ein gemeinsames Ziel", "Eine feste Zeit"],
        },
    ]
    (reflection,) = data["courses"]["data"]["reflection_answers"]
    assert reflection["task"] == "Was nehmen Sie mit?" and reflection["answer"] == "Zuhören."
    assert block_id not in json.dumps(data)


def test_answers_to_a_question_taken_out_are_still_given(client, learner, make_course):
    course = make_course(modules=1, lessons=1, quiz_every=1)
    (lesson,) = lessons_of(course)
    client.force_login(learner)
    client.post(course.url + "einschreiben/")
    page = client.get(lesson.url).text
    client.post(lesson.url + "selbsttest/", answer(page, HALF_RIGHT))
    # An editor takes the first question out of the self-check.
    lesson.refresh_from_db()
    quiz = next(b for b in lesson.body if b.block_type == "quiz")
    del quiz.value["questions"][0]
    lesson.save_revision().publish()

    (progress,) = _lessons(json.loads(client.get("/konto/meine-daten/").content))
    first, gone = progress["quiz_answers"]
    assert first["question"] == "Was prüfen Sie nach dem ersten Treffen?"
    assert gone["question"] == "(nicht mehr in der Lektion)" and len(gone["answers"]) == 1
