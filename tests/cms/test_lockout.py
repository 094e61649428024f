"""Password guessing is stopped for the Wagtail admin, Django's admin and learners alike:
after five wrong passwords, the sixth attempt and every one after it is refused for a
while with a clear German page, even with the right password. The count lives in the
database (django-axes), so it holds across gunicorn workers; another address can still
sign in, so a guesser cannot lock the editors out."""

import datetime

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

import pytest
import time_machine
from axes.models import AccessAttempt, AccessFailureLog, AccessLog

from cms.plugins import registry

PASSWORD = "zukunft-demo"


def _wrong_then_right(client, url, fields, right):
    for attempt in range(1, 26):
        # The account in capitals and not: the count is per account, however it is typed.
        typed = {k: v.upper() if attempt % 2 else v.lower() for k, v in fields.items()}
        response = client.post(url, {**typed, "password": f"falsch-{attempt}"})
        if response.status_code == 429:
            break
    else:
        raise AssertionError("25 wrong passwords were all accepted for checking")
    assert attempt == 6, attempt
    locked = client.post(url, {**fields, "password": right})
    assert locked.status_code == 429
    assert "Zu viele fehlgeschlagene Anmeldeversuche" in locked.text
    assert "15 Minuten" in locked.text
    return locked


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "username"), [("/admin/login/", "redaktion"), ("/django-admin/login/", "admin")]
)
def test_the_admin_locks_out_a_guesser(url, username):
    client = Client(REMOTE_ADDR="203.0.113.7")
    _wrong_then_right(client, url, {"username": username}, PASSWORD)
    assert "_auth_user_id" not in client.session
    # The editor at another address still signs in.
    elsewhere = Client(REMOTE_ADDR="198.51.100.4")
    elsewhere.post(url, {"username": username, "password": PASSWORD})
    assert "_auth_user_id" in elsewhere.session
    # Nothing but the failures is kept: no log of sign-ins, the password masked.
    attempt = AccessAttempt.objects.get()
    assert attempt.username == username and attempt.failures_since_start >= 6
    assert "falsch" not in attempt.post_data
    assert not AccessLog.objects.exists() and not AccessFailureLog.objects.exists()


@pytest.mark.django_db
def test_learners_are_locked_out_across_workers_too(settings):
    # allauth's own limit counts in the local cache of each worker; the lock-out counts
    # in the database, which every worker shares.
    settings.ACCOUNT_RATE_LIMITS = False
    user = get_user_model().objects.get(email="lernende@zukunftshub.example")
    client = Client(REMOTE_ADDR="203.0.113.8")
    _wrong_then_right(client, "/konto/anmelden/", {"login": user.email}, PASSWORD)
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_a_right_password_before_the_limit_resets_the_count():
    client = Client(REMOTE_ADDR="203.0.113.9")
    for attempt in range(5):
        client.post("/admin/login/", {"username": "freigabe", "password": f"falsch-{attempt}"})
    client.post("/admin/login/", {"username": "freigabe", "password": PASSWORD})
    assert "_auth_user_id" in client.session
    assert not AccessAttempt.objects.filter(username="freigabe").exists()


@pytest.mark.django_db
def test_failed_sign_ins_are_forgotten_once_they_no_longer_count():
    client = Client(REMOTE_ADDR="203.0.113.10")
    client.post("/admin/login/", {"username": "redaktion", "password": "falsch"})
    call_command("forget_failed_sign_ins")
    assert AccessAttempt.objects.count() == 1
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=16)):
        call_command("forget_failed_sign_ins")
    assert not AccessAttempt.objects.exists()
    commands = {job.command for job in registry.sorted_scheduled_jobs()}
    assert {"forget_failed_sign_ins", "clearsessions"} <= commands


@pytest.mark.django_db
def test_an_ipv6_network_counts_as_one_client():
    for n in range(6):
        client = Client(REMOTE_ADDR=f"2001:db8:1:2::{n + 1:x}")
        client.post("/admin/login/", {"username": "redaktion", "password": f"falsch-{n}"})
    locked = Client(REMOTE_ADDR="2001:db8:1:2::ff").post(
        "/admin/login/", {"username": "redaktion", "password": PASSWORD}
    )
    assert locked.status_code == 429
    other = Client(REMOTE_ADDR="2001:db8:9:9::1")
    other.post("/admin/login/", {"username": "redaktion", "password": PASSWORD})
    assert "_auth_user_id" in other.session
