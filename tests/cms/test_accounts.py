"""Accounts for learners, as a learner meets them: sign-up with a confirmed e-mail
address, sign-in, profile, data download, account deletion, password reset, rate
limits, no admin, and pages for signed-in users kept apart from the anonymous cache."""

import json
import os
import re

from django.contrib.auth import get_user_model
from django.test import Client

import pytest
from allauth.account.models import EmailAddress

from cms.management.commands.load_demo import DEFAULT_DEMO_PASSWORD, DEMO_PASSWORD_ENV
from cms.models import Profile
from cms.plugins import PersonalData, registry

PASSWORD = "Lernweg-2026-sicher"
DEMO_PASSWORD = os.environ.get(DEMO_PASSWORD_ENV, DEFAULT_DEMO_PASSWORD)


def _link(message):
    """The one link in an e-mail, as a path for the test client."""
    urls = re.findall(r"https?://testserver(/\S+)", message.body)
    assert len(urls) == 1, message.body
    return urls[0]


def _main(response):
    text = response.text
    return text[text.index("<main") : text.index("</main>")]


@pytest.fixture
def learner(db):
    user = get_user_model().objects.create_user(
        username="anna", email="anna@example.org", password=PASSWORD
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def test_sign_up_confirm_sign_in_profile_download_and_delete(client, db, mailoutbox):
    User = get_user_model()
    signup = client.get("/konto/registrieren/")
    assert "<h1>Konto anlegen</h1>" in signup.text
    assert 'name="username"' not in signup.text  # allauth generates the username
    assert 'autocomplete="email"' in signup.text and 'autocomplete="new-password"' in signup.text
    assert '<meta name="robots" content="noindex">' in signup.text

    # Two different passwords: the form says so and keeps the address.
    mismatch = client.post(
        "/konto/registrieren/",
        {"email": "anna@example.org", "password1": PASSWORD, "password2": PASSWORD + "x"},
    )
    assert "Bitte geben Sie zweimal dasselbe Passwort ein." in mismatch.text
    assert 'value="anna@example.org"' in mismatch.text
    assert 'id="form-errors"' in mismatch.text
    assert not User.objects.filter(email="anna@example.org").exists()

    sent = client.post(
        "/konto/registrieren/",
        {"email": "Anna@Example.org", "password1": PASSWORD, "password2": PASSWORD},
        follow=True,
    )
    assert "<h1>Bitte bestätigen Sie Ihre E-Mail-Adresse</h1>" in sent.text
    user = User.objects.get(email="anna@example.org")
    assert user.username and user.has_usable_password()
    assert "_auth_user_id" not in client.session  # not signed in before the confirmation

    assert len(mailoutbox) == 1
    confirmation = mailoutbox[0]
    assert confirmation.to == ["anna@example.org"]
    assert confirmation.subject == "[Zukunftshub] Bitte bestätigen Sie Ihre E-Mail-Adresse"
    assert "vermutlich Sie" in confirmation.body
    assert user.username not in confirmation.body

    # Signing in before confirming is refused (and shows the confirmation page).
    early = Client().post(
        "/konto/anmelden/", {"login": "anna@example.org", "password": PASSWORD}, follow=True
    )
    assert "Bitte bestätigen Sie Ihre E-Mail-Adresse" in early.text
    assert "Abmelden" not in early.text

    link = _link(confirmation)
    assert link.startswith("/konto/e-mail-bestaetigen/")
    page = client.get(link)
    assert "Bitte bestätigen Sie, dass anna@example.org Ihre E-Mail-Adresse ist." in page.text
    client.post(link)
    assert EmailAddress.objects.get(user=user).verified

    # Sign out, then in again with e-mail and password.
    client.post("/konto/abmelden/")
    assert "_auth_user_id" not in client.session
    signed_in = client.post(
        "/konto/anmelden/", {"login": "anna@example.org", "password": PASSWORD}, follow=True
    )
    assert signed_in.redirect_chain[-1][0] == "/konto/"
    assert "Sie sind mit der E-Mail-Adresse anna@example.org angemeldet." in signed_in.text
    assert user.username not in _main(signed_in).replace("anna@example.org", "")

    # The profile: both fields optional, saved, and the header shows the name.
    saved = client.post(
        "/konto/",
        {"display_name": "Anna Schmidt", "organisation": "Musterfirma GmbH"},
        follow=True,
    )
    assert "Ihr Profil ist gespeichert." in saved.text
    assert 'value="Anna Schmidt"' in saved.text and 'value="Musterfirma GmbH"' in saved.text
    assert '<span class="visually-hidden">Mein Konto: </span>Anna Schmidt</a>' in saved.text

    # Download: the account's own data and every registered provider's.
    removed = []
    notes = PersonalData(
        key="test.notes",
        label="Notizen",
        export=lambda u: [{"text": f"Notiz von {u.email}"}],
        delete=lambda u: removed.append(u.pk),
    )
    with registry.temporarily(notes):
        download = client.get("/konto/meine-daten/")
        assert download["Content-Type"].startswith("application/json")
        assert download["Content-Disposition"].startswith('attachment; filename="zukunftshub-')
        assert "no-store" in download["Cache-Control"]
        data = json.loads(download.content)
        assert data["account"]["data"]["email"] == "anna@example.org"
        assert data["account.email_addresses"]["data"] == [
            {"email": "anna@example.org", "verified": True, "primary": True}
        ]
        assert data["account.profile"]["data"]["display_name"] == "Anna Schmidt"
        assert data["account.profile"]["data"]["organisation"] == "Musterfirma GmbH"
        assert data["test.notes"] == {
            "label": "Notizen",
            "data": [{"text": "Notiz von anna@example.org"}],
        }

        # Delete: the wrong password is refused and nothing is deleted.
        assert "Konto endgültig löschen" in client.get("/konto/loeschen/").text
        wrong = client.post("/konto/loeschen/", {"password": "falsch-geraten"})
        assert wrong.status_code == 200
        assert "Das ist nicht Ihr Passwort. Ihr Konto wurde nicht gelöscht." in wrong.text
        assert User.objects.filter(pk=user.pk).exists() and removed == []

        gone = client.post("/konto/loeschen/", {"password": PASSWORD}, follow=True)
        assert gone.redirect_chain[-1][0] == "/konto/geloescht/"
        assert "<h1>Ihr Konto ist gelöscht</h1>" in gone.text
        assert removed == [user.pk]
    assert not User.objects.filter(pk=user.pk).exists()
    assert not EmailAddress.objects.filter(email="anna@example.org").exists()
    assert not Profile.objects.filter(user_id=user.pk).exists()
    assert "_auth_user_id" not in client.session

    again = client.post("/konto/anmelden/", {"login": "anna@example.org", "password": PASSWORD})
    assert "Die E-Mail-Adresse oder das Passwort ist nicht richtig." in again.text
    assert "_auth_user_id" not in client.session
    assert "test.notes" not in registry.personal_data


def test_a_failing_provider_deletes_nothing(client, learner):
    def fail(user):
        raise RuntimeError("kept")

    client.force_login(learner)
    record = PersonalData(key="test.fail", label="x", export=lambda u: {}, delete=fail)
    with registry.temporarily(record), pytest.raises(RuntimeError):
        client.post("/konto/loeschen/", {"password": PASSWORD})
    assert get_user_model().objects.filter(pk=learner.pk).exists()


def test_editorial_accounts_are_not_deleted_by_their_owner(client, django_user_model):
    editor = django_user_model.objects.get(username="redaktion")
    client.force_login(editor)
    page = client.get("/konto/loeschen/")
    assert "Dieses Konto gehört zur Redaktion." in page.text
    assert 'name="password"' not in page.text
    client.post("/konto/loeschen/", {"password": DEMO_PASSWORD})
    assert django_user_model.objects.filter(pk=editor.pk).exists()


def test_account_pages_need_a_signed_in_user(client, db):
    for path in ("/konto/", "/konto/meine-daten/", "/konto/loeschen/"):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"] == f"/konto/anmelden/?next={path}"


def test_password_reset_answers_alike_and_mails_only_known_addresses(client, learner, mailoutbox):
    known = client.post("/konto/passwort/vergessen/", {"email": "anna@example.org"})
    unknown = client.post("/konto/passwort/vergessen/", {"email": "niemand@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"] == "/konto/passwort/vergessen/gesendet/"
    done = client.get(known["Location"])
    assert "Wenn zu dieser Adresse ein Konto gehört" in done.text

    assert [message.to for message in mailoutbox] == [["anna@example.org"]]
    assert mailoutbox[0].subject == "[Zukunftshub] Neues Passwort wählen"
    assert "anna" not in mailoutbox[0].body.replace("anna@example.org", "")  # no username

    # The link leads to a new password, which then signs in.
    link = _link(mailoutbox[0])
    assert link.startswith("/konto/passwort/neu/")
    form_page = client.get(link, follow=True)
    assert "<h1>Neues Passwort wählen</h1>" in form_page.text
    new_password = "Neuer-Lernweg-2027"
    saved = client.post(
        form_page.redirect_chain[-1][0],
        {"password1": new_password, "password2": new_password},
        follow=True,
    )
    assert "<h1>Ihr neues Passwort ist gespeichert</h1>" in saved.text
    signed_in = Client().post(
        "/konto/anmelden/", {"login": "anna@example.org", "password": new_password}
    )
    assert signed_in.status_code == 302 and signed_in["Location"] == "/konto/"


def test_password_rules_apply_at_sign_up(client, db):
    response = client.post(
        "/konto/registrieren/",
        {"email": "bert@example.org", "password1": "12345678", "password2": "12345678"},
    )
    assert "Dieses Passwort ist zu üblich." in response.text
    assert "Dieses Passwort ist komplett numerisch." in response.text
    assert not get_user_model().objects.filter(email="bert@example.org").exists()


def test_signing_up_twice_gives_no_hint_but_a_mail(client, learner, mailoutbox):
    response = client.post(
        "/konto/registrieren/",
        {"email": "anna@example.org", "password1": PASSWORD, "password2": PASSWORD},
        follow=True,
    )
    assert "<h1>Bitte bestätigen Sie Ihre E-Mail-Adresse</h1>" in response.text
    assert mailoutbox[0].subject == "[Zukunftshub] Sie haben bereits ein Konto"
    assert get_user_model().objects.filter(email="anna@example.org").count() == 1


def test_failed_sign_ins_are_limited(client, learner):
    for _ in range(5):
        failed = client.post("/konto/anmelden/", {"login": learner.email, "password": "falsch"})
        assert "Die E-Mail-Adresse oder das Passwort ist nicht richtig." in failed.text
        assert "Ihre Aufmerksamkeit" not in failed.text  # a form-wide error, no field listed
    limited = client.post("/konto/anmelden/", {"login": learner.email, "password": PASSWORD})
    assert limited.status_code == 200
    assert "Zu viele fehlgeschlagene Anmeldeversuche." in limited.text
    assert "_auth_user_id" not in client.session


def test_the_demo_learner_signs_in_and_has_no_admin(client, django_user_model):
    response = client.post(
        "/konto/anmelden/",
        {"login": "lernende@zukunftshub.example", "password": DEMO_PASSWORD},
        follow=True,
    )
    assert "<h1>Mein Konto</h1>" in response.text
    assert 'value="Lea Lernende"' in response.text

    admin = client.get("/admin/")
    assert admin.status_code == 302 and admin["Location"].startswith("/admin/login/")
    assert client.get("/admin/pages/").status_code == 302


def test_the_admin_login_is_for_the_editorial_team_only(learner):
    client = Client()
    refused = client.post("/admin/login/", {"username": "anna", "password": PASSWORD})
    assert refused.status_code == 200
    assert "_auth_user_id" not in client.session

    staff = Client()
    response = staff.post("/admin/login/", {"username": "redaktion", "password": DEMO_PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert staff.get("/admin/").status_code == 200


def test_header_links_for_visitors_and_signed_in_users(client, learner):
    anonymous = client.get("/impressum/")
    assert 'href="/konto/anmelden/?next=/impressum/">Anmelden</a>' in anonymous.text
    assert not anonymous.cookies

    client.force_login(learner)
    signed_in = client.get("/impressum/")
    assert '<a href="/konto/">Mein Konto</a>' in signed_in.text
    assert 'action="/konto/abmelden/"' in signed_in.text
    assert 'name="csrfmiddlewaretoken"' in signed_in.text

    signed_out = client.post("/konto/abmelden/", follow=True)
    assert signed_out.redirect_chain[-1][0] == "/"
    assert "Sie haben sich abgemeldet." in signed_out.text
    assert "Anmelden</a>" in signed_out.text


def test_signed_in_pages_and_the_anonymous_cache_never_mix(learner):
    visitor = Client()
    assert visitor.get("/impressum/")["X-Page-Cache"] == "miss"

    member = Client()
    member.post("/konto/anmelden/", {"login": learner.email, "password": PASSWORD})
    for _ in range(2):
        page = member.get("/impressum/")
        assert "X-Page-Cache" not in page
        assert "Abmelden" in page.text and "Mein Konto" in page.text

    cached = visitor.get("/impressum/")
    assert cached["X-Page-Cache"] == "hit"
    assert "Abmelden" not in cached.text and "Mein Konto" not in cached.text

    # A page a signed-in user saw first is not stored for visitors either.
    member.get("/leichte-sprache/")
    first_visitor = Client().get("/leichte-sprache/")
    assert first_visitor["X-Page-Cache"] == "miss"
    assert "Abmelden" not in first_visitor.text


def test_account_pages_are_personal_and_not_indexed(client, db):
    for path in ("/konto/anmelden/", "/konto/registrieren/", "/konto/passwort/vergessen/"):
        response = client.get(path)
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"]
        assert "X-Page-Cache" not in response
        assert '<meta name="robots" content="noindex">' in response.text
        assert "unsafe-inline" not in response["Content-Security-Policy"]
        assert " style=" not in response.text and "<script>" not in response.text
    sitemap = client.get("/sitemap.xml").text
    assert "/konto/" not in sitemap and "/account/" not in sitemap


def test_english_account_pages(client, db, mailoutbox):
    login = client.get("/en/account/login/")
    assert '<html lang="en">' in login.text and "<h1>Sign in</h1>" in login.text
    assert 'href="/konto/anmelden/" hreflang="de"' in login.text
    signup = client.post(
        "/en/account/signup/",
        {"email": "sam@example.org", "password1": PASSWORD, "password2": PASSWORD},
        follow=True,
    )
    assert signup.redirect_chain[-1][0] == "/en/account/confirm-email/"
    assert "<h1>Please confirm your e-mail address</h1>" in signup.text
    assert mailoutbox[0].subject == "[Zukunftshub] Please confirm your e-mail address"
    assert _link(mailoutbox[0]).startswith("/en/account/confirm-email/")
    assert client.get("/en/account/password/reset/").status_code == 200


def test_personal_data_records_register_temporarily():
    record = PersonalData(key="test.x", label="X", export=lambda user: {})
    with registry.temporarily(record):
        assert registry.personal_data["test.x"] is record
        assert registry.sorted_personal_data()[0].key == "account"
    assert "test.x" not in registry.personal_data


def test_change_password_from_the_profile(client, learner):
    client.force_login(learner)
    profile = client.get("/konto/")
    assert 'href="/konto/passwort/aendern/"' in profile.text
    assert "wagtail-userbar" not in profile.text  # learners have no admin

    form = client.get("/konto/passwort/aendern/")
    assert 'autocomplete="current-password"' in form.text
    refused = client.post(
        "/konto/passwort/aendern/",
        {"oldpassword": "falsch", "password1": "Neuer-Weg-2027", "password2": "Neuer-Weg-2027"},
    )
    assert "Bitte geben Sie Ihr aktuelles Passwort ein." in refused.text
    changed = client.post(
        "/konto/passwort/aendern/",
        {"oldpassword": PASSWORD, "password1": "Neuer-Weg-2027", "password2": "Neuer-Weg-2027"},
        follow=True,
    )
    assert changed.redirect_chain[-1][0] == "/konto/"
    assert "Ihr neues Passwort ist gespeichert." in changed.text
    learner.refresh_from_db()
    assert learner.check_password("Neuer-Weg-2027")


def test_sign_out_asks_when_opened_as_a_page(client, learner):
    client.force_login(learner)
    page = client.get("/konto/abmelden/")
    assert "<h1>Abmelden</h1>" in page.text and 'method="post"' in page.text
    assert "_auth_user_id" in client.session  # a link or prefetch signs nobody out


def test_an_invalid_confirmation_link_says_what_to_do(client, db):
    response = client.get("/konto/e-mail-bestaetigen/nicht-gueltig/")
    assert response.status_code == 200
    assert "Dieser Bestätigungslink ist abgelaufen oder ungültig." in response.text
    assert 'href="/konto/anmelden/"' in _main(response)


def test_signing_up_with_a_known_address_costs_what_a_new_one_costs(client, db, monkeypatch):
    """The same page, the same mail count and the same password hashing: neither the
    answer nor its time tells whether an address has an account."""
    from django.contrib.auth import hashers

    from cms.accounts import forms as account_forms

    hashed = []
    real = hashers.make_password

    def counting(password, *args, **kwargs):
        hashed.append(password)
        return real(password, *args, **kwargs)

    from django.contrib.auth import base_user

    monkeypatch.setattr(account_forms, "make_password", counting)
    monkeypatch.setattr(hashers, "make_password", counting)
    monkeypatch.setattr(base_user, "make_password", counting)  # set_password()
    data = {"password1": PASSWORD, "password2": PASSWORD}
    known = client.post(
        "/konto/registrieren/", {"email": "lernende@zukunftshub.example", **data}, follow=True
    )
    known_hashes = len(hashed)
    new = client.post("/konto/registrieren/", {"email": "neu@example.org", **data}, follow=True)
    assert known_hashes == len(hashed) - known_hashes == 1
    assert "Bitte bestätigen Sie Ihre E-Mail-Adresse" in known.text
    assert "Bitte bestätigen Sie Ihre E-Mail-Adresse" in new.text
