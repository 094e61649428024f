"""Each role reaches what its work needs and nothing more, checked with direct requests
(not only hidden buttons): Redaktion, Freigabe, Ausbilder and learners."""

from django.contrib.auth import get_user_model
from django.urls import reverse

import pytest

from hub.models import EventPage, Registration

from .hub.test_events import new_event


def _user(username):
    return get_user_model().objects.get(username=username)


def _refused(response):
    """Wagtail's admin answers a PermissionDenied with a redirect to the dashboard and
    the message "Sie haben keine Berechtigung, auf diese Seite zuzugreifen."."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


@pytest.fixture
def event(db):
    event = new_event("Work Lab Rollen", capacity=5, group=1)
    Registration.objects.create(
        event=event, name="Pia Platz", email="pia@example.org", status="confirmed", places=1
    )
    return event


def test_redaktion_may_neither_cancel_an_event_nor_write_to_everyone(client, event, mailoutbox):
    client.force_login(_user("redaktion"))
    registrations = client.get(reverse("hub_event_registrations", args=[event.pk]))
    assert registrations.status_code == 200  # the list and the CSV stay theirs
    assert "Pia Platz" in registrations.text
    assert reverse("hub_event_cancel", args=[event.pk]) not in registrations.text
    assert reverse("hub_event_message", args=[event.pk]) not in registrations.text
    assert "Freigabe" in registrations.text  # says who may

    cancel = reverse("hub_event_cancel", args=[event.pk])
    message = reverse("hub_event_message", args=[event.pk])
    assert _refused(client.get(cancel))
    assert _refused(client.post(cancel, {"note": "Fällt aus", "confirm": "on"}))
    assert _refused(client.post(message, {"subject": "Hallo", "text": "Frei formuliert"}))
    assert not EventPage.objects.get(pk=event.pk).is_cancelled
    assert not mailoutbox


def test_freigabe_cancels_the_event_and_writes_to_everyone(client, event, mailoutbox):
    client.force_login(_user("freigabe"))
    registrations = client.get(reverse("hub_event_registrations", args=[event.pk]))
    assert reverse("hub_event_cancel", args=[event.pk]) in registrations.text
    sent = client.post(
        reverse("hub_event_message", args=[event.pk]), {"subject": "Anreise", "text": "Bus 42"}
    )
    assert sent.status_code == 302 and len(mailoutbox) == 1
    cancelled = client.post(
        reverse("hub_event_cancel", args=[event.pk]), {"note": "Fällt aus", "confirm": "on"}
    )
    assert cancelled.status_code == 302
    assert EventPage.objects.get(pk=event.pk).is_cancelled


def test_ausbilder_sees_no_editorial_report(client, db):
    client.force_login(_user("ausbilder"))
    dashboard = client.get("/admin/")
    assert dashboard.status_code == 200
    report = reverse("hub_offering_freshness")
    assert report not in dashboard.text
    assert _refused(client.get(report))
    assert _refused(client.get(reverse("hub_offering_freshness_results")))
    assert _refused(client.get(report, {"export": "csv"}))


@pytest.mark.parametrize("username", ["redaktion", "freigabe", "admin"])
def test_editors_see_the_report_of_offerings_to_check(client, db, username):
    client.force_login(_user(username))
    report = reverse("hub_offering_freshness")
    assert report in client.get("/admin/").text
    assert client.get(report).status_code == 200


def test_learners_never_reach_the_admin(client, db):
    learner = get_user_model().objects.get(username="lernende")
    signin = client.post(
        "/admin/login/", {"username": learner.username, "password": "zukunft-demo"}
    )
    assert signin.status_code == 200  # the form again, with an error
    assert "_auth_user_id" not in client.session
    client.force_login(learner)  # signed in on the site, as at /konto/
    for url in ("/admin/", "/admin/pages/", reverse("hub_offering_freshness")):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert response.status_code == 403 or "/admin/login/" in response["Location"]
