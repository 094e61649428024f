"""A learner's way through a course: enrolling (open or with a key), finishing lessons by
marking them done or passing their self-check, one lesson after the other, completing
the course at once, private reflections and "continue where I left off"."""

import datetime

from django.utils import timezone

import pytest

from courses.learning.signals import course_completed
from courses.models import Enrolment, EnrolmentKey, LessonProgress, ReflectionAnswer

from .factories import LOTSE, MENTOR, answer, lessons_of

RIGHT = {
    "Wer entscheidet, was im Tandem gelernt wird?": ["Das Tandem selbst"],
    "Was prüfen Sie nach dem ersten Treffen?": ["Ein gemeinsames Ziel", "Eine feste Zeit"],
}
HALF_RIGHT = {
    "Wer entscheidet, was im Tandem gelernt wird?": ["Der Lotse"],
    "Was prüfen Sie nach dem ersten Treffen?": ["Ein gemeinsames Ziel", "Eine feste Zeit"],
}


@pytest.fixture
def completions():
    """Every course_completed sent while the test runs."""
    sent = []

    def receiver(sender, enrolment, **kwargs):
        sent.append(enrolment)

    course_completed.connect(receiver)
    yield sent
    course_completed.disconnect(receiver)


def _enrol(client, course):
    return client.post(course.url + "einschreiben/")


# -- enrolling ---------------------------------------------------------------------------
def test_a_learner_enrols_in_an_open_course_with_one_click(client, learner):
    client.force_login(learner)
    page = client.get(MENTOR).text
    assert "In diesen Kurs einschreiben" in page and "csrfmiddlewaretoken" in page
    response = client.post(MENTOR + "einschreiben/", follow=True)
    assert response.redirect_chain == [(MENTOR + "#einschreibung", 302)]
    assert "Sie sind jetzt in „Weiterbildungsmentor*innen" in response.text
    assert "0 von 4 Lektionen erledigt" in response.text
    assert "Weiter, wo ich aufgehört habe" in response.text
    enrolment = Enrolment.objects.get(user=learner)
    assert enrolment.course.url == MENTOR and enrolment.key is None
    # Again: nothing doubles.
    again = client.post(MENTOR + "einschreiben/", follow=True)
    assert "Sie sind bereits in diesen Kurs eingeschrieben." in again.text
    assert Enrolment.objects.filter(user=learner).count() == 1


def test_a_wrong_key_is_explained_and_kept(client, learner):
    client.force_login(learner)
    response = client.post(LOTSE + "einschreiben/", {"schluessel": "LOTSEN-2025"})
    assert response.status_code == 200
    text = response.text
    assert "<title>Fehler: Lotsenausbildung Mentoring 4.0" in text
    assert 'id="form-errors"' in text
    assert (
        "Dieser Einschreibeschlüssel passt nicht zu diesem Kurs. Bitte prüfen Sie die "
        "Schreibweise oder fragen Sie Ihre Ausbilderin oder Ihren Ausbilder." in text
    )
    assert 'value="LOTSEN-2025"' in text and 'aria-invalid="true"' in text
    assert not Enrolment.objects.filter(user=learner).exists()
    empty = client.post(LOTSE + "einschreiben/", {"schluessel": " "}).text
    assert "Bitte geben Sie Ihren Einschreibeschlüssel ein." in empty


def test_the_right_key_enrols_whatever_its_spelling(client, learner):
    client.force_login(learner)
    response = client.post(LOTSE + "einschreiben/", {"schluessel": " lotsen-2026 "})
    assert response.status_code == 302
    enrolment = Enrolment.objects.get(user=learner)
    assert enrolment.key.key == "LOTSEN-2026"


def test_a_key_of_another_course_or_out_of_date_does_not_enrol(client, learner):
    lotse = EnrolmentKey.objects.get(key="LOTSEN-2026").course
    other = EnrolmentKey.objects.create(course=lotse, key="ALT-2024", active=True)
    other.valid_until = timezone.localdate() - datetime.timedelta(days=1)
    other.save()
    client.force_login(learner)
    text = client.post(LOTSE + "einschreiben/", {"schluessel": "alt-2024"}).text
    assert "Dieser Einschreibeschlüssel ist nicht mehr gültig." in text
    assert not Enrolment.objects.filter(user=learner).exists()


def test_trying_many_keys_is_stopped(client, learner):
    client.force_login(learner)
    for n in range(10):
        client.post(LOTSE + "einschreiben/", {"schluessel": f"RATE-{n}"})
    response = client.post(LOTSE + "einschreiben/", {"schluessel": "LOTSEN-2026"})
    assert response.status_code == 429
    assert "Bitte warten Sie zehn Minuten" in response.text
    assert not Enrolment.objects.filter(user=learner).exists()


# -- lessons -----------------------------------------------------------------------------
def test_marking_a_lesson_done_shows_as_progress(client, learner, make_course):
    course = make_course(modules=2, lessons=2)
    first, second, third, _ = lessons_of(course)
    client.force_login(learner)
    _enrol(client, course)
    page = client.get(first.url).text
    assert "Lektion 1 von 2 in Modul 1: Modul 1" in page
    assert "Lektion 2 von 2 in Modul 1: Modul 1" in client.get(second.url).text
    assert "Lektion 1 von 2 in Modul 2: Modul 2" in client.get(third.url).text
    assert "lesson-onwards" not in page  # not before the lesson is done
    assert '<button type="submit" class="button button--large">Als erledigt markieren' in page
    response = client.post(first.url + "erledigt/", follow=True)
    assert response.redirect_chain == [(first.url + "#abschluss", 302)]
    assert "Gut gemacht: Diese Lektion ist erledigt." in response.text
    assert "Sie haben diese Lektion erledigt." in response.text
    assert "Als erledigt markieren" not in response.text
    assert "1 von 4 Lektionen erledigt" in response.text
    # Where the focus lands, and the way on: the next lesson in the course.
    assert '<h2 id="abschluss" tabindex="-1">Lektion erledigt</h2>' in response.text
    assert (
        f'<a class="button button--large lesson-onwards__next" href="{second.url}" rel="next">'
        '<span class="lesson-onwards__label">Nächste Lektion</span> '
        '<span class="lesson-onwards__title">Lektion 2</span></a>'
    ) in response.text
    overview = client.get(course.url).text
    assert "1 von 4 Lektionen erledigt" in overview
    assert '<progress max="4" value="1" aria-labelledby="kursfortschritt">' in overview
    row = LessonProgress.objects.get(enrolment__user=learner)
    assert row.lesson_id == first.pk and row.done_at is not None


def test_a_wrong_quiz_answer_gets_feedback_and_does_not_finish_the_lesson(
    client, learner, make_course
):
    course = make_course(modules=1, lessons=1, quiz_every=1)
    lesson = lessons_of(course)[0]
    client.force_login(learner)
    _enrol(client, course)
    page = client.get(lesson.url).text
    assert "Als erledigt markieren</button>" not in page  # done by passing the quiz
    assert '<legend><span class="quiz__number">Frage 1 von 2:</span> Wer entscheidet' in page
    response = client.post(lesson.url + "selbsttest/", answer(page, HALF_RIGHT), follow=True)
    assert response.redirect_chain == [(lesson.url + "#selbsttest-ergebnis", 302)]
    text = response.text
    assert '<h3 id="selbsttest-ergebnis" tabindex="-1">Noch nicht bestanden</h3>' in text
    assert "Nächste Lektion" not in text.split('id="abschluss"')[0]
    assert "1 von 2 Fragen richtig (50 %)." in text
    assert "Zum Bestehen brauchen Sie 80 %." in text
    assert "<strong>Nicht richtig.</strong> Der Lotse begleitet nur." in text
    assert "<strong>Richtig gewählt.</strong> Ja, das Ziel gibt Richtung." in text
    assert "Richtig beantwortet." in text and "Noch nicht richtig." in text
    assert "Unterschiede beleben" not in text  # feedback only for what was chosen
    assert text.count(" checked") == 3  # the answers are kept
    row = LessonProgress.objects.get(enrolment__user=learner)
    assert row.done_at is None and row.quiz_score == 50 and row.quiz_attempts == 1


def test_passing_the_quiz_finishes_the_lesson(client, learner, make_course):
    course = make_course(modules=1, lessons=2, quiz_every=1)
    lesson, second = lessons_of(course)
    client.force_login(learner)
    _enrol(client, course)
    page = client.get(lesson.url).text
    text = client.post(lesson.url + "selbsttest/", answer(page, RIGHT), follow=True).text
    assert '<h3 id="selbsttest-ergebnis" tabindex="-1">Bestanden</h3>' in text
    assert "2 von 2 Fragen richtig (100 %)." in text
    assert "Die Lektion ist erledigt." in text
    # The way on is right in the result, where the focus lands.
    result = text[text.index('id="selbsttest-ergebnis"') : text.index('class="choice-group')]
    assert f'href="{second.url}" rel="next"><span class="lesson-onwards__label">Nächste' in result
    row = LessonProgress.objects.get(enrolment__user=learner)
    assert row.done_at is not None and row.quiz_score == 100
    # A worse try later keeps the lesson finished and the best score.
    client.post(lesson.url + "selbsttest/", answer(page, HALF_RIGHT))
    row.refresh_from_db()
    assert row.done_at is not None and row.quiz_score == 100 and row.quiz_attempts == 2
    assert "Die Lektion bleibt erledigt." in client.get(lesson.url).text


def test_an_unanswered_question_is_named_and_the_other_answers_kept(client, learner, make_course):
    course = make_course(modules=1, lessons=1, quiz_every=1)
    lesson = lessons_of(course)[0]
    client.force_login(learner)
    _enrol(client, course)
    page = client.get(lesson.url).text
    data = answer(page, {"Was prüfen Sie nach dem ersten Treffen?": ["Eine feste Zeit"]})
    response = client.post(lesson.url + "selbsttest/", data)
    assert response.status_code == 200
    text = response.text
    assert "<title>Fehler: " in text
    assert "Eine Frage braucht noch eine Antwort." in text
    assert "Bitte wählen Sie eine Antwort." in text
    assert text.count(" checked") == 1
    assert not LessonProgress.objects.filter(enrolment__user=learner).exists()


def test_a_lesson_with_a_quiz_cannot_simply_be_marked_done(client, learner, make_course):
    course = make_course(modules=1, lessons=1, quiz_every=1)
    lesson = lessons_of(course)[0]
    client.force_login(learner)
    _enrol(client, course)
    response = client.post(lesson.url + "erledigt/", follow=True)
    assert "Diese Lektion ist erledigt, wenn Sie den Selbsttest unten bestehen." in response.text
    assert not LessonProgress.objects.filter(enrolment__user=learner).exists()


def test_completing_the_last_lesson_completes_the_course_at_once(
    client, learner, make_course, completions
):
    course = make_course(modules=2, lessons=2, quiz_every=4)
    lessons = lessons_of(course)
    client.force_login(learner)
    _enrol(client, course)
    for lesson in lessons[:3]:
        client.post(lesson.url + "erledigt/")
    enrolment = Enrolment.objects.get(user=learner)
    assert enrolment.completed_at is None and completions == []
    page = client.get(lessons[3].url).text
    response = client.post(lessons[3].url + "selbsttest/", answer(page, RIGHT), follow=True)
    assert f"Herzlichen Glückwunsch! Sie haben den Kurs „{course.title}“ abgeschlossen." in (
        response.text
    )
    enrolment.refresh_from_db()
    assert enrolment.completed_at is not None
    assert [e.pk for e in completions] == [enrolment.pk]
    assert completions[0].completed_at == enrolment.completed_at
    overview = client.get(course.url).text
    assert "Kurs abgeschlossen" in overview and "Sie haben diesen Kurs am" in overview
    # Sending the quiz again completes nothing twice.
    client.post(lessons[3].url + "selbsttest/", answer(page, RIGHT))
    assert len(completions) == 1


def test_a_course_is_not_complete_while_a_quiz_is_failed(client, learner, make_course, completions):
    course = make_course(modules=1, lessons=2, quiz_every=2)
    first, second = lessons_of(course)
    client.force_login(learner)
    _enrol(client, course)
    client.post(first.url + "erledigt/")
    page = client.get(second.url).text
    client.post(second.url + "selbsttest/", answer(page, HALF_RIGHT))
    assert Enrolment.objects.get(user=learner).completed_at is None and not completions


def test_a_pass_mark_the_course_sets(client, learner, make_course):
    course = make_course(modules=1, lessons=1, quiz_every=1, pass_mark=50)
    lesson = lessons_of(course)[0]
    client.force_login(learner)
    _enrol(client, course)
    page = client.get(lesson.url).text
    text = client.post(lesson.url + "selbsttest/", answer(page, HALF_RIGHT), follow=True).text
    assert '<h3 id="selbsttest-ergebnis" tabindex="-1">Bestanden</h3>' in text
    assert Enrolment.objects.get(user=learner).completed_at is not None


# -- reflections ---------------------------------------------------------------------------
def test_a_reflection_answer_is_kept_for_its_author_only(
    client, learner, other_learner, make_course
):
    course = make_course(modules=1, lessons=1)
    lesson = lessons_of(course)[0]
    block_id = next(b.id for b in lesson.body if b.block_type == "reflection")
    client.force_login(learner)
    _enrol(client, course)
    response = client.post(
        f"{lesson.url}reflexion/{block_id}/", {"antwort": "Mein Azubi erklärt gut."}, follow=True
    )
    assert response.redirect_chain == [(f"{lesson.url}#reflexion-{block_id}", 302)]
    assert "Ihre Antwort ist gespeichert. Nur Sie können sie sehen." in response.text
    assert ">Mein Azubi erklärt gut.</textarea>" in response.text

    client.force_login(other_learner)
    _enrol(client, course)
    other = client.get(lesson.url).text
    assert "Mein Azubi erklärt gut." not in other
    client.post(f"{lesson.url}reflexion/{block_id}/", {"antwort": "Meine eigene Antwort"})
    assert ReflectionAnswer.objects.get(user=learner).text == "Mein Azubi erklärt gut."
    assert ReflectionAnswer.objects.get(user=other_learner).text == "Meine eigene Antwort"


def test_guessing_addresses_reveals_and_changes_nothing(
    client, learner, other_learner, make_course
):
    course = make_course(modules=1, lessons=1)
    lesson = lessons_of(course)[0]
    block_id = next(b.id for b in lesson.body if b.block_type == "reflection")
    client.force_login(learner)
    _enrol(client, course)
    client.post(f"{lesson.url}reflexion/{block_id}/", {"antwort": "Geheim"})
    answer_row = ReflectionAnswer.objects.get(user=learner)

    client.force_login(other_learner)
    sent = client.post(f"{lesson.url}reflexion/{block_id}/", {"antwort": "Überschrieben"})
    assert sent.status_code == 302 and sent["Location"] == course.url + "#einschreibung"
    _enrol(client, course)
    for url in (
        f"{lesson.url}reflexion/{answer_row.pk}/",
        f"{lesson.url}reflexion/{block_id}x/",
        f"{lesson.url}reflexion/{answer_row.pk}/{block_id}/",
        f"{lesson.url}antworten/{learner.pk}/",
    ):
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"antwort": "Überschrieben"}).status_code == 404, url
    assert "Geheim" not in client.get(lesson.url).text
    client.post(f"{lesson.url}reflexion/{block_id}/", {"antwort": "Meins"})
    assert ReflectionAnswer.objects.get(pk=answer_row.pk).text == "Geheim"
    assert ReflectionAnswer.objects.get(user=other_learner).text == "Meins"


def test_an_emptied_reflection_answer_is_deleted(client, learner, make_course):
    course = make_course(modules=1, lessons=1)
    lesson = lessons_of(course)[0]
    block_id = next(b.id for b in lesson.body if b.block_type == "reflection")
    client.force_login(learner)
    _enrol(client, course)
    client.post(f"{lesson.url}reflexion/{block_id}/", {"antwort": "Erst so"})
    response = client.post(f"{lesson.url}reflexion/{block_id}/", {"antwort": "  "}, follow=True)
    assert "Ihre Antwort ist gelöscht." in response.text
    assert not ReflectionAnswer.objects.filter(user=learner).exists()


# -- the dashboard ----------------------------------------------------------------------------
def test_the_dashboard_continues_where_the_learner_left_off(client, learner, make_course):
    course = make_course(modules=2, lessons=2, title="Kurs für das Dashboard")
    first, second, third, _fourth = lessons_of(course)
    client.force_login(learner)
    empty = client.get("/kurse/meine-kurse/").text
    assert "Sie sind noch in keinen Kurs eingeschrieben." in empty
    _enrol(client, course)
    client.post(first.url + "erledigt/")
    client.get(third.url)  # opened, not finished
    text = client.get("/kurse/meine-kurse/").text
    assert "<h1>Meine Kurse</h1>" in text
    assert "Kurs für das Dashboard" in text
    assert "1 von 4 Lektionen erledigt" in text
    assert f'<a class="button" href="{third.url}">Weiter, wo ich aufgehört habe' in text
    assert "Als Nächstes: Lektion 3 von 4, „Lektion 3“" in text
    client.post(third.url + "erledigt/")
    text = client.get("/kurse/meine-kurse/").text
    assert f'<a class="button" href="{lessons_of(course)[3].url}">Weiter' in text
    assert second.url not in text  # after the last one opened, not back to the start


def test_the_dashboard_shows_only_the_learners_own_courses(
    client, learner, other_learner, make_course
):
    mine = make_course(title="Mein Kurs")
    theirs = make_course(title="Ihr Kurs")
    client.force_login(other_learner)
    _enrol(client, theirs)
    client.force_login(learner)
    _enrol(client, mine)
    text = client.get("/kurse/meine-kurse/").text
    assert f'<a href="{mine.url}">Mein Kurs</a></h2>' in text
    assert theirs.url not in text


def test_the_demo_learner_is_half_way_into_the_first_module(client, django_user_model):
    client.force_login(django_user_model.objects.get(username="lernende"))
    text = client.get("/kurse/meine-kurse/").text
    assert "2 von 12 Lektionen erledigt" in text
    assert "Als Nächstes: Lektion 3 von 12, „Passt das Tandem? Kriterien und erstes Treffen“" in (
        text
    )
    lesson = client.get(LOTSE + "tandems-finden/rolle-des-lotsen/").text
    assert "Unser Azubi hat mir gezeigt" in lesson
