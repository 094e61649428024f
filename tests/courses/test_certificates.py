"""Certificates: issued the moment a course is completed, sent by e-mail as a PDF,
downloaded by their owner alone, verified by anyone with the code; gone with the
learner's account while the key figures keep counting them."""

import json

from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pypdfium2

from cms.models import Profile
from cms.plugins import registry
from courses.models import Certificate, CertificateTally, Enrolment, LessonProgress

from .factories import lessons_of

PASSWORD = "geheim-genug-123"


def _figure(key):
    return registry.key_figures[key].count()


def _pdf_text(data):
    document = pypdfium2.PdfDocument(data)
    return document[0].get_textpage().get_text_range()


def test_completing_a_course_issues_a_certificate_and_mails_it(
    client, learner, completed, mailoutbox
):
    certificate = Certificate.objects.get(enrolment__user=learner)
    assert certificate.name == "Lea Lernend" and certificate.course_title == completed.title
    assert len(certificate.code) == 14 and certificate.code.count("-") == 2
    (mail,) = mailoutbox
    assert mail.to == ["lea@example.org"]
    assert mail.subject == f"Ihr Zertifikat: {completed.title}"
    assert f"/zertifikat/{certificate.code}/" in mail.body
    ((name, pdf, mimetype),) = mail.attachments
    assert mimetype == "application/pdf" and certificate.code in name
    text = _pdf_text(pdf)
    assert "Zertifikat" in text and "Lea Lernend" in text and completed.title in text
    assert certificate.code in text

    # The course page and the dashboard offer the download.
    pdf_url = f"/zertifikat/{certificate.code}/pdf/"
    assert pdf_url in client.get(completed.url).text
    assert pdf_url in client.get("/kurse/meine-kurse/").text
    download = client.get(pdf_url)
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert "Lea Lernend" in _pdf_text(download.content)


def test_only_the_owner_downloads_the_pdf(client, learner, other_learner, completed):
    code = Certificate.objects.get().code
    client.force_login(other_learner)
    assert client.get(f"/zertifikat/{code}/pdf/").status_code == 404
    client.logout()
    anonymous = client.get(f"/zertifikat/{code}/pdf/")
    assert anonymous.status_code == 302 and "/konto/anmelden/" in anonymous["Location"]


def test_anyone_checks_a_code_and_sees_no_more_than_the_certificate(client, completed):
    certificate = Certificate.objects.get()
    client.logout()
    page = client.get(f"/zertifikat/{certificate.code}/")
    assert page.status_code == 200
    assert "Dieses Zertifikat ist echt" in page.text
    assert "Lea Lernend" in page.text and completed.title in page.text
    assert "lea@example.org" not in page.text
    assert "private" in page["Cache-Control"]
    # Typed from paper: small letters and spaces do not matter.
    typed = client.get("/zertifikat/", {"code": f" {certificate.code.lower()} "})
    assert typed.status_code == 302
    assert "Dieses Zertifikat ist echt" in client.get(typed["Location"]).text
    wrong = client.get("/zertifikat/ABCD-EFGH-JKLM/")
    assert wrong.status_code == 404
    assert "Kein Zertifikat mit diesem Code" in wrong.text
    assert "Lea Lernend" not in wrong.text
    assert client.get("/en/certificate/ABCD-EFGH-JKLM/").status_code == 404


def test_a_course_without_certificate_issues_none(
    client, learner, make_course, django_capture_on_commit_callbacks, mailoutbox
):
    course = make_course(modules=1, lessons=1, certificate=False)
    client.force_login(learner)
    client.post(course.url + "einschreiben/")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(lessons_of(course)[0].url + "erledigt/")
    assert Enrolment.objects.get(user=learner).completed_at is not None
    assert not Certificate.objects.exists() and not mailoutbox


def test_the_key_figures_count_certificates(client, learner, completed):
    assert CertificateTally.objects.get(course_key=completed.translation_key).issued == 1
    assert _figure("courses.certificates") >= 1
    before = _figure("courses.lotsen")
    completed.trains_lotsen = False
    completed.save()
    assert _figure("courses.lotsen") == before - 1


def test_the_data_download_holds_the_courses(client, learner, completed):
    response = client.get("/konto/meine-daten/")
    data = json.loads(response.content)
    assert data["courses"]["label"] == "Kurse"
    (enrolment,) = data["courses"]["data"]["enrolments"]
    assert enrolment["course"] == completed.title
    assert [lesson["done_at"] is not None for lesson in enrolment["lessons"]] == [True, True]
    assert enrolment["certificate"]["code"] == Certificate.objects.get().code


def test_deleting_the_account_leaves_no_learning_data_but_the_counts(client, learner, completed):
    learner.set_password(PASSWORD)
    learner.save()
    client.force_login(learner)
    code = Certificate.objects.get().code
    lotsen, issued = _figure("courses.lotsen"), _figure("courses.certificates")
    client.post("/konto/loeschen/", {"password": PASSWORD})
    assert not get_user_model().objects.filter(pk=learner.pk).exists()
    assert not Enrolment.objects.filter(user_id=learner.pk).exists()
    assert not LessonProgress.objects.filter(enrolment__user_id=learner.pk).exists()
    assert not Certificate.objects.filter(code=code).exists()
    assert not Profile.objects.filter(user_id=learner.pk).exists()
    assert client.get(f"/zertifikat/{code}/").status_code == 404
    assert (_figure("courses.lotsen"), _figure("courses.certificates")) == (lotsen, issued)


def test_odd_codes_are_explained_and_addresses_follow_the_language(client, db):
    from django.urls import reverse
    from django.utils import translation

    odd = client.get("/zertifikat/", {"code": "AB/CD"})
    assert odd.status_code == 200
    assert "nur aus Buchstaben, Ziffern und Bindestrichen" in odd.text
    with translation.override("en"):
        assert reverse("course_certificate", args=["ABCD-EFGH-JKLM"]) == (
            "/en/certificate/ABCD-EFGH-JKLM/"
        )
    assert reverse("course_certificate", args=["ABCD-EFGH-JKLM"]) == "/zertifikat/ABCD-EFGH-JKLM/"


def test_a_failing_mail_server_does_not_spoil_the_completion(
    client, learner, make_course, django_capture_on_commit_callbacks, monkeypatch
):
    from django.core.mail import EmailMessage

    def refuse(self, *args, **kwargs):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr(EmailMessage, "send", refuse)
    course = make_course(modules=1, lessons=1)
    client.force_login(learner)
    client.post(course.url + "einschreiben/")
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(lessons_of(course)[0].url + "erledigt/", follow=True)
    assert done.status_code == 200 and "abgeschlossen" in done.text
    assert Certificate.objects.filter(enrolment__user=learner).exists()


def test_a_lesson_taken_out_after_the_rest_were_done_completes_the_course(
    client, learner, make_course, django_capture_on_commit_callbacks
):
    course = make_course(modules=2, lessons=1)
    first, second = lessons_of(course)
    client.force_login(learner)
    client.post(course.url + "einschreiben/")
    client.post(first.url + "erledigt/")
    # The second module is withdrawn: its lesson no longer counts, as the outline shows.
    # The course completes with the withdrawal (a task), not when the learner looks.
    with django_capture_on_commit_callbacks(execute=True):
        second.get_parent().unpublish()
    assert Enrolment.objects.get(user=learner).completed_at is not None
    with CaptureQueriesContext(connection) as queries:
        page = client.get(course.url)
    # Nothing of the learner's is written while the page renders (Wagtail may make a
    # rendition of the logo the first time).
    writes = [
        q["sql"]
        for q in queries
        if q["sql"].startswith(("UPDATE", "INSERT")) and "wagtailimages_rendition" not in q["sql"]
    ]
    assert not writes, writes
    assert "Sie haben diesen Kurs am" in page.text
    assert Enrolment.objects.get(user=learner).completed_at is not None
    assert Certificate.objects.filter(enrolment__user=learner).exists()


def test_deleting_the_language_version_a_learner_used_keeps_their_records(
    client, learner, make_course, django_capture_on_commit_callbacks
):
    from wagtail.models import Locale

    from courses.models import CoursePage, ReflectionAnswer

    german = make_course(modules=1, lessons=2)
    en = Locale.objects.get(language_code="en")
    english = german.create_alias(
        parent=german.get_parent().get_translation(en),
        update_locale=en,
        recursive=True,
        reset_translation_key=False,
    ).specific
    client.force_login(learner)
    client.post(english.url + "einschreiben/")
    english_lesson = lessons_of(english)[0]
    client.post(english_lesson.url + "erledigt/")
    ReflectionAnswer.objects.create(
        user=learner, lesson=english_lesson, block_id="x", text="Meine Antwort"
    )
    assert Enrolment.objects.get(user=learner).course_id == english.pk

    english.delete()  # an editor removes the English version
    enrolment = Enrolment.objects.get(user=learner)
    assert enrolment.course is None
    assert LessonProgress.objects.filter(enrolment=enrolment, done_at__isnull=False).count() == 1
    assert ReflectionAnswer.objects.filter(user=learner).count() == 1
    # The German course shows the progress and completes with it.
    assert "1 von 2 Lektionen erledigt" in client.get(german.url).text
    assert german.title in client.get("/kurse/meine-kurse/").text
    with django_capture_on_commit_callbacks(execute=True):
        client.post(lessons_of(german)[1].url + "erledigt/")
    assert Certificate.objects.get(enrolment=enrolment).course_title == german.title
    assert CoursePage.objects.filter(pk=german.pk).exists()
    assert client.get("/konto/meine-daten/").status_code == 200


def test_a_module_moved_to_another_course_completes_the_course_it_left(
    client, learner, make_course, django_capture_on_commit_callbacks
):
    course, other = make_course(modules=2, lessons=1), make_course(modules=1, lessons=1)
    first, second = lessons_of(course)
    client.force_login(learner)
    client.post(course.url + "einschreiben/")
    client.post(first.url + "erledigt/")
    assert Enrolment.objects.get(user=learner).completed_at is None
    with django_capture_on_commit_callbacks(execute=True):
        second.get_parent().move(other, pos="last-child")
    assert Enrolment.objects.get(user=learner).completed_at is not None
    assert Certificate.objects.filter(enrolment__user=learner).exists()


def test_deleting_a_module_checks_its_course_once(
    client, learner, make_course, django_capture_on_commit_callbacks
):
    course = make_course(modules=2, lessons=3)
    lessons = lessons_of(course)
    client.force_login(learner)
    client.post(course.url + "einschreiben/")
    for lesson in lessons[:3]:  # the whole first module
        client.post(lesson.url + "erledigt/")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        lessons[3].get_parent().delete()
    checks = [c for c in callbacks if getattr(c, "course_key", None)]
    assert [c.course_key for c in checks] == [str(course.translation_key)]
    checks[0]()
    assert Enrolment.objects.get(user=learner).completed_at is not None
