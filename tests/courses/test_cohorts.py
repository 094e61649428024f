"""Cohorts as trainers and learners meet them: a trainer makes a cohort in the admin and
gets a key, learners enrol with it (or join with it later), the trainer follows their
progress in a report and a CSV; nobody else sees the cohort, and the report costs the
same few queries for 2 or 30 learners."""

import datetime
import json
import os

from django.contrib.auth.models import Group
from django.db import connection
from django.http import HttpRequest
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.test.utils.form_data import nested_form_data

import pytest

from cms.management.commands.load_demo import DEFAULT_DEMO_PASSWORD, DEMO_PASSWORD_ENV
from cms.models import Profile
from courses.cohorts.models import TRAINER_GROUP
from courses.learning import progress
from courses.models import Cohort, Enrolment, EnrolmentKey, LessonProgress

from .factories import answer, lessons_of
from .test_learning import HALF_RIGHT

LIMIT = 20


def _trainer(django_user_model, username):
    user = django_user_model.objects.create_user(
        username, f"{username}@example.org", "geheim-genug-123", first_name=username.title()
    )
    user.groups.add(Group.objects.get(name=TRAINER_GROUP))
    return user


@pytest.fixture
def trainer(db, django_user_model):
    return _trainer(django_user_model, "trude")


@pytest.fixture
def other_trainer(db, django_user_model):
    return _trainer(django_user_model, "otto")


@pytest.fixture
def course(make_course):
    """Two modules of two lessons; every second lesson has a self-check."""
    return make_course(modules=2, lessons=2, quiz_every=2, enrolment="key", title="Lotsenkurs")


def _as(user):
    client = Client()
    client.force_login(user)
    return client


def _cohort(trainer, course, name="Berufskolleg Hagen, Frühjahr 2027"):
    cohort = Cohort.objects.create(name=name, course=course)
    cohort.trainers.add(trainer)
    cohort.add_key()
    return cohort


def _learner(django_user_model, username, name="", email=None):
    user = django_user_model.objects.create_user(
        username, email or f"{username}@example.org", "geheim-genug-123"
    )
    if name:
        Profile.objects.create(user=user, display_name=name)
    return user


def test_the_group_ausbilder_may_manage_cohorts_and_keys_in_the_admin(db):
    group = Group.objects.get(name=TRAINER_GROUP)
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {
        "access_admin",
        "add_cohort",
        "change_cohort",
        "view_cohort",
        "add_enrolmentkey",
        "change_enrolmentkey",
        "view_enrolmentkey",
    } <= codenames
    assert "delete_cohort" not in codenames


def test_a_trainer_creates_a_cohort_in_the_admin_and_gets_a_key(trainer, other_trainer, course):
    client = _as(trainer)
    form = client.get("/admin/kohorten/new/")
    assert form.status_code == 200
    assert "Otto" in form.text  # other trainers can be chosen …
    assert "lernende@zukunftshub.example" not in form.text  # … learners cannot
    response = client.post(
        "/admin/kohorten/new/",
        nested_form_data(
            {
                "name": "Berufskolleg Hagen, Frühjahr 2027",
                "course": course.pk,
                "trainers": [],
                "notes": "Dienstags im Raum 3",
            }
        ),
    )
    assert response.status_code == 302
    cohort = Cohort.objects.get(name="Berufskolleg Hagen, Frühjahr 2027")
    assert list(cohort.trainers.all()) == [trainer]
    key = cohort.keys.get()
    assert key.course_id == course.pk and key.active and key.label == cohort.name

    listing = client.get("/admin/kohorten/").text
    assert "Berufskolleg Hagen, Frühjahr 2027" in listing and "Lotsenkurs" in listing
    edit = client.get(f"/admin/kohorten/edit/{cohort.pk}/").text
    assert key.key in edit and "Fortschrittsbericht" in edit
    assert client.get("/admin/enrolment_keys/").text.count(key.key) >= 1


def test_a_cohort_keeps_a_trainer_and_its_course_once_learners_joined(
    trainer, course, make_course, django_user_model
):
    cohort = _cohort(trainer, course)
    progress.enrol(_learner(django_user_model, "lea"), course, key=cohort.keys.get())
    other_course = make_course(modules=1, lessons=1, title="Anderer Kurs")
    client = _as(trainer)
    url = f"/admin/kohorten/edit/{cohort.pk}/"
    response = client.post(
        url,
        nested_form_data(
            {"name": "Hagen, neu benannt", "course": other_course.pk, "trainers": [], "notes": ""}
        ),
    )
    assert response.status_code == 200
    assert "Eine Kohorte braucht mindestens eine Ausbilderin oder einen Ausbilder." in response.text
    assert "daher lässt sich ihr Kurs nicht mehr ändern" in response.text
    assert 'value="Hagen, neu benannt"' in response.text  # what was typed is kept
    cohort.refresh_from_db()
    assert cohort.name == "Berufskolleg Hagen, Frühjahr 2027" and cohort.course_id == course.pk


def test_a_learner_enrols_with_the_key_and_appears_in_the_report(
    trainer, course, django_user_model
):
    cohort = _cohort(trainer, course)
    key = cohort.keys.get()
    learner = _learner(django_user_model, "lea", "Lea Lernende")
    client = _as(learner)
    client.post(course.url + "einschreiben/", {"schluessel": key.key.lower()})
    enrolment = Enrolment.objects.get(user=learner)
    assert enrolment.cohort == cohort and enrolment.key == key

    first, second = lessons_of(course)[:2]
    client.post(first.url + "erledigt/")
    page = client.get(second.url).text
    client.post(second.url + "selbsttest/", answer(page, HALF_RIGHT))

    report = _as(trainer).get(f"/admin/kohorten/{cohort.pk}/fortschritt/")
    assert report.status_code == 200
    text = report.text
    assert "<caption" in text and "Fortschritt der Kohorte „Berufskolleg Hagen" in text
    assert '<th scope="col">Lernende*r</th>' in text
    assert "Lea Lernende" in text and "lea@example.org" in text
    assert "1 von 4" in text
    assert '<span class="w-sr-only">Lektion 1: Lektion 1</span>' in text
    assert '<td class="cohort-report__done">' in text
    assert "50&nbsp;%" in text and "noch nicht bestanden" in text
    assert text.count('<span class="w-sr-only">noch nicht</span>') == 2
    assert "1 Lernende*r im Kurs „Lotsenkurs“" in text


def test_an_enrolled_learner_joins_the_cohort_with_its_key_and_keeps_the_progress(
    trainer, course, django_user_model
):
    cohort = _cohort(trainer, course)
    learner = _learner(django_user_model, "lea")
    plain = EnrolmentKey.objects.create(course=course, label="ohne Kohorte")
    client = _as(learner)
    client.post(course.url + "einschreiben/", {"schluessel": plain.key})
    client.post(lessons_of(course)[0].url + "erledigt/")
    page = client.get(course.url).text
    assert "Haben Sie von Ihrer Ausbilderin oder Ihrem Ausbilder einen Schlüssel" in page

    wrong = client.post(course.url + "einschreiben/", {"schluessel": "FALSCH"})
    assert "passt nicht zu diesem Kurs" in wrong.text and "<details" in wrong.text
    assert '<details class="enrol-box__key" open>' in wrong.text

    joined = client.post(
        course.url + "einschreiben/", {"schluessel": cohort.keys.get().key}, follow=True
    )
    assert "gehören Sie jetzt zur Gruppe Ihrer Ausbilderin" in joined.text
    enrolment = Enrolment.objects.get(user=learner)
    assert enrolment.cohort == cohort
    assert LessonProgress.objects.filter(enrolment=enrolment, done_at__isnull=False).count() == 1
    again = client.post(course.url + "einschreiben/", {"schluessel": cohort.keys.get().key})
    assert again.status_code == 302 and Enrolment.objects.filter(user=learner).count() == 1


def test_the_learners_data_download_names_the_cohort_and_who_sees_the_progress(
    trainer, course, django_user_model
):
    cohort = _cohort(trainer, course)
    learner = _learner(django_user_model, "lea", "Lea Lernende")
    progress.enrol(learner, course, key=cohort.keys.get())
    data = json.loads(_as(learner).get("/konto/meine-daten/").content)
    (enrolment,) = data["courses"]["data"]["enrolments"]
    assert enrolment["cohort"] == {
        "name": "Berufskolleg Hagen, Frühjahr 2027",
        "trainers_who_see_the_progress": ["Trude"],
    }


def test_a_learner_of_an_open_course_joins_a_cohort_with_a_key(
    trainer, make_course, django_user_model
):
    course = make_course(modules=1, lessons=1, title="Offener Kurs")
    cohort = _cohort(trainer, course)
    learner = _learner(django_user_model, "lea")
    client = _as(learner)
    assert "Der Gruppe beitreten" in client.get(course.url).text
    client.post(course.url + "einschreiben/", {"schluessel": cohort.keys.get().key})
    assert Enrolment.objects.get(user=learner).cohort == cohort


def test_another_trainer_can_neither_see_nor_open_the_cohort(
    trainer, other_trainer, course, django_user_model
):
    cohort = _cohort(trainer, course)
    key = cohort.keys.get()
    progress.enrol(_learner(django_user_model, "lea", "Lea Lernende"), course, key=key)
    _cohort(other_trainer, course, name="Ottos eigene Gruppe")
    client = _as(other_trainer)
    listing = client.get("/admin/kohorten/").text
    assert "Ottos eigene Gruppe" in listing and "Berufskolleg Hagen" not in listing
    assert key.key not in client.get("/admin/enrolment_keys/").text
    for url in (
        f"/admin/kohorten/edit/{cohort.pk}/",
        f"/admin/kohorten/delete/{cohort.pk}/",
        f"/admin/kohorten/history/{cohort.pk}/",
        f"/admin/kohorten/usage/{cohort.pk}/",
        f"/admin/kohorten/{cohort.pk}/fortschritt/",
        f"/admin/kohorten/{cohort.pk}/fortschritt/csv/",
        f"/admin/enrolment_keys/edit/{key.pk}/",
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert "Lea Lernende" not in response.content.decode(), url
    changed = client.post(
        f"/admin/kohorten/edit/{cohort.pk}/",
        nested_form_data({"name": "Übernommen", "course": course.pk, "trainers": []}),
    )
    assert changed.status_code == 404
    assert Cohort.objects.get(pk=cohort.pk).name == "Berufskolleg Hagen, Frühjahr 2027"
    # An administrator sees every cohort.
    admin = _as(django_user_model.objects.get(username="admin"))
    assert admin.get(f"/admin/kohorten/{cohort.pk}/fortschritt/").status_code == 200


def test_a_trainer_makes_keys_only_for_their_own_cohorts(trainer, other_trainer, course):
    mine = _cohort(trainer, course)
    theirs = _cohort(other_trainer, course, name="Ottos eigene Gruppe")
    client = _as(trainer)
    form = client.get(f"/admin/enrolment_keys/new/?cohort={mine.pk}").text
    assert "Ottos eigene Gruppe" not in form
    refused = client.post(
        "/admin/enrolment_keys/new/",
        {"cohort": theirs.pk, "key": "FREMD-2027", "active": "on"},
    )
    assert refused.status_code == 200 and not EnrolmentKey.objects.filter(key="FREMD-2027")
    without = client.post("/admin/enrolment_keys/new/", {"course": course.pk, "key": "LOSE-1"})
    assert without.status_code == 200 and not EnrolmentKey.objects.filter(key="LOSE-1")
    made = client.post(
        "/admin/enrolment_keys/new/", {"cohort": mine.pk, "key": "hagen 2", "active": "on"}
    )
    assert made.status_code == 302
    key = EnrolmentKey.objects.get(key="HAGEN2")
    assert key.cohort == mine and key.course_id == course.pk


def test_a_learner_gets_no_admin(trainer, course, django_user_model):
    cohort = _cohort(trainer, course)
    learner = _learner(django_user_model, "lea", "Lea Lernende")
    progress.enrol(learner, course, key=cohort.keys.get())
    client = _as(learner)
    for url in (
        "/admin/",
        "/admin/kohorten/",
        f"/admin/kohorten/{cohort.pk}/fortschritt/",
        f"/admin/kohorten/{cohort.pk}/fortschritt/csv/",
    ):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/admin/login/"), url
    # Nor does an editor without the group see cohort reports.
    editor = _as(django_user_model.objects.get(username="redaktion"))
    refused = editor.get(f"/admin/kohorten/{cohort.pk}/fortschritt/")
    assert refused.status_code == 302 and refused["Location"] == "/admin/"


def test_the_csv_opens_in_excel_with_umlauts_and_no_formulas(trainer, course, django_user_model):
    cohort = _cohort(trainer, course)
    key = cohort.keys.get()
    jurgen = _learner(django_user_model, "juergen", "Jürgen Größe", "juergen@example.org")
    formula = _learner(django_user_model, "formel", "=HYPERLINK(1)")
    enrolment, _ = progress.enrol(jurgen, course, key=key)
    progress.enrol(formula, course, key=key)
    first = lessons_of(course)[0]
    progress.mark_done(enrolment, first, course)
    progress.visited(enrolment, first)

    response = _as(trainer).get(f"/admin/kohorten/{cohort.pk}/fortschritt/csv/")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="kohorte-berufskolleg-hagen-fruhjahr-2027-' in response["Content-Disposition"]
    body = response.content.decode("utf-8")
    lines = body.splitlines()
    assert lines[0] == (
        "\ufeffName;E-Mail-Adresse;Lektionen erledigt;Lektionen insgesamt;Abgeschlossen am;"
        "Letzter Besuch;1. Lektion 1;2. Lektion 2;3. Lektion 3;4. Lektion 4"
    )
    assert len(lines) == 3
    visit = timezone.localtime(Enrolment.objects.get(pk=enrolment.pk).last_visited_at)
    assert lines[2] == (f"Jürgen Größe;juergen@example.org;1;4;;{visit:%d.%m.%Y %H:%M};erledigt;;;")
    assert lines[1].startswith("'=HYPERLINK(1);formel@example.org;0;4")
    assert ";=HYPERLINK" not in body


def _fill(cohort, course, django_user_model, count, start):
    """``count`` learners of the cohort, each with every second lesson done and a score."""
    key = cohort.keys.get()
    lessons = lessons_of(course)
    now = timezone.now()
    users = django_user_model.objects.bulk_create(
        django_user_model(username=f"kohorte-{n}", email=f"kohorte-{n}@example.org")
        for n in range(start, start + count)
    )
    Profile.objects.bulk_create(
        Profile(user=user, display_name=f"Lernende {n}") for n, user in enumerate(users)
    )
    enrolments = Enrolment.objects.bulk_create(
        Enrolment(
            user=user,
            course=course,
            course_key=course.translation_key,
            key=key,
            cohort=cohort,
            last_visited_at=now - datetime.timedelta(days=1),
        )
        for user in users
    )
    LessonProgress.objects.bulk_create(
        LessonProgress(
            enrolment=enrolment,
            lesson=lesson,
            lesson_key=lesson.translation_key,
            done_at=now,
            quiz_score=90 if lesson.has_quiz else None,
        )
        for enrolment in enrolments
        for lesson in lessons[::2]
    )


def test_the_report_costs_the_same_queries_for_2_or_30_learners(
    trainer, make_course, django_user_model, settings
):
    settings.PAGE_CACHE_SECONDS = 0
    course = make_course(modules=3, lessons=4, quiz_every=3, enrolment="key")
    cohort = _cohort(trainer, course)
    client = _as(trainer)
    urls = [
        f"/admin/kohorten/{cohort.pk}/fortschritt/",
        f"/admin/kohorten/{cohort.pk}/fortschritt/csv/",
    ]

    def count():
        counts = []
        for url in urls:
            client.get(url)  # warm the per-process caches
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            assert response.status_code == 200
            counts.append(len(queries))
        return counts, response

    _fill(cohort, course, django_user_model, 2, 0)
    few, _ = count()
    _fill(cohort, course, django_user_model, 28, 2)
    many, csv = count()
    assert many == few, f"report and CSV: {few} queries for 2 learners, {many} for 30"
    assert max(many) <= LIMIT, many
    assert len(csv.content.decode().splitlines()) == 31
    assert "6 von 12" in client.get(urls[0]).text


def test_the_demo_trainer_sees_the_demo_cohort(db):
    client = Client()
    password = os.environ.get(DEMO_PASSWORD_ENV, DEFAULT_DEMO_PASSWORD)
    assert client.login(request=HttpRequest(), username="ausbilder", password=password)
    cohort = Cohort.objects.get(name="Lotsenausbildung Berufskolleg Dortmund, Herbst 2026")
    assert "LOTSEN-2026" in client.get(f"/admin/kohorten/edit/{cohort.pk}/").text
    report = client.get(f"/admin/kohorten/{cohort.pk}/fortschritt/").text
    assert "Lea Lernende" in report and "lernende@zukunftshub.example" in report
    assert "2 von 12" in report
    assert Enrolment.objects.get(user__username="lernende").cohort == cohort
    # The trainer may edit the courses, too.
    assert client.get(f"/admin/pages/{cohort.course_id}/edit/").status_code == 200
