"""What editors do with registrations in the admin (list, CSV, message, cancel,
attendance with a PDF confirmation) and what happens by itself afterwards (expired
holds release their seats, registrations are deleted some time after the event)."""

import datetime
import io
import logging

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

import pypdfium2
import pytest

from hub.models import EventDate, EventFigures, EventPage, Registration

from .test_events import _links, _register, new_event

Status = Registration.Status


def _registered(event, name, email, status=Status.CONFIRMED, places=1, **fields):
    return Registration.objects.create(
        event=event, name=name, email=email, status=status, places=places, **fields
    )


def _move_to_past(event, days_ago):
    start = timezone.now() - datetime.timedelta(days=days_ago, hours=3)
    EventDate.objects.filter(page=event).update(
        start=start, end=start + datetime.timedelta(hours=2)
    )
    EventPage.objects.filter(pk=event.pk).update(
        starts_at=start, ends_at=start + datetime.timedelta(hours=2)
    )
    event.refresh_from_db()


@pytest.fixture
def event(db):
    event = new_event("Lernreise Admin", capacity=5, group=3)
    _registered(event, "Jürgen Größe", "juergen@example.org", company="Müller & Söhne", places=2)
    _registered(event, "Pia Offen", "pia@example.org", status=Status.PENDING)
    _registered(event, "Wanda Wartet", "wanda@example.org", status=Status.WAITING)
    _registered(event, "Carl Storno", "carl@example.org", status=Status.CANCELLED)
    _registered(event, "=HYPERLINK(1)", "formel@example.org")
    return event


def test_editors_see_registrations_by_status_from_the_event_page(client, editor, event):
    client.force_login(editor)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[event.pk]))
    url = reverse("hub_event_registrations", args=[event.pk])
    assert url in edit.text
    page = client.get(url)
    assert page.status_code == 200
    text = page.text
    for name in ("Jürgen Größe", "Pia Offen", "Wanda Wartet", "Carl Storno"):
        assert name in text
    start = text.index("Anmeldungen nach Status")
    summary = text[start : text.index("</table>", start)]
    assert '<th scope="row">bestätigt</th><td>2</td><td>3</td>' in summary
    assert '<th scope="row">Warteliste</th><td>1</td><td>1</td>' in summary
    # Before the event attendance cannot be marked yet.
    assert 'name="attended"' not in text
    assert "sobald die Veranstaltung begonnen hat" in text


def test_only_those_who_may_edit_the_event_see_its_registrations(client, event, django_user_model):
    from django.contrib.auth.models import Group, Permission

    # Someone in the admin without permission to edit the event's page.
    reader = django_user_model.objects.create_user("leserin", "leserin@example.org", "x")
    group = Group.objects.create(name="Nur lesen")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    reader.groups.add(group)
    client.force_login(reader)
    names = ("hub_event_registrations", "hub_event_registrations_csv", "hub_event_message")
    for name in (*names, "hub_event_cancel"):
        response = client.get(reverse(name, args=[event.pk]))
        # Wagtail's admin answers a refused permission with a way back to its start.
        assert (response.status_code, response.get("Location")) in ((403, None), (302, "/admin/"))
        assert "Jürgen" not in response.text, name
    assert client.get("/admin/").status_code == 200  # the admin itself is open to her
    client.post(reverse("hub_event_cancel", args=[event.pk]), {"confirm": "on"})
    assert not EventPage.objects.get(pk=event.pk).is_cancelled


def test_the_csv_opens_in_excel_with_umlauts_and_no_formulas(client, editor, event):
    client.force_login(editor)
    response = client.get(reverse("hub_event_registrations_csv", args=[event.pk]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeffName;E-Mail-Adresse;Unternehmen;Plätze;Status")
    lines = body.splitlines()
    assert len(lines) == 6
    assert "Jürgen Größe;juergen@example.org;Müller & Söhne;2;bestätigt;nein" in body
    assert "'=HYPERLINK(1)" in body and ";=HYPERLINK" not in body


def test_writing_to_all_participants(client, editor, event, mailoutbox):
    client.force_login(editor)
    url = reverse("hub_event_message", args=[event.pk])
    empty = client.post(url, {"subject": "", "text": "Bitte Sicherheitsschuhe mitbringen."})
    assert empty.status_code == 200
    assert "Bitte Sicherheitsschuhe mitbringen." in empty.text  # what was typed is kept
    assert not mailoutbox
    sent = client.post(url, {"subject": "Anreise", "text": "Bitte Sicherheitsschuhe mitbringen."})
    assert sent.status_code == 302
    assert sorted(m.to[0] for m in mailoutbox) == [
        "formel@example.org",
        "juergen@example.org",
        "pia@example.org",
    ]
    mail = mailoutbox[0]
    assert mail.subject == "Anreise: Lernreise Admin"
    assert "Bitte Sicherheitsschuhe mitbringen." in mail.body
    assert _links(mail)[1]  # the cancellation link
    assert "Nachricht an 3 Personen gesendet." in client.get(sent["Location"]).text
    mailoutbox.clear()
    client.post(url, {"subject": "Info", "text": "Hallo", "include_waiting": "on"})
    assert "wanda@example.org" in [m.to[0] for m in mailoutbox]


def test_cancelling_the_event_tells_everyone_and_closes_registration(
    client, editor, event, mailoutbox
):
    client.force_login(editor)
    url = reverse("hub_event_cancel", args=[event.pk])
    unconfirmed = client.post(url, {"note": "Der Gastgeber ist erkrankt."})
    assert "Kreuzen Sie das Feld an" in unconfirmed.text
    assert "Der Gastgeber ist erkrankt." in unconfirmed.text
    assert not EventPage.objects.get(pk=event.pk).is_cancelled and not mailoutbox

    done = client.post(url, {"note": "Der Gastgeber ist erkrankt.", "confirm": "on"})
    assert done.status_code == 302
    event.refresh_from_db()
    assert event.is_cancelled
    assert set(Registration.objects.filter(event=event).values_list("status", flat=True)) == {
        Status.CANCELLED
    }
    told = sorted(m.to[0] for m in mailoutbox)
    assert told == [
        "formel@example.org",
        "juergen@example.org",
        "pia@example.org",
        "wanda@example.org",
    ]
    assert all("Der Gastgeber ist erkrankt." in m.body for m in mailoutbox)
    assert all(m.subject == "Veranstaltung abgesagt: Lernreise Admin" for m in mailoutbox)
    assert EventFigures.objects.get(event=event).registered_places == 0

    # A draft from before the cancellation, published afterwards, keeps it cancelled.
    EventPage.objects.get(pk=event.pk).get_latest_revision().publish()
    assert EventPage.objects.get(pk=event.pk).is_cancelled

    client.logout()
    public = client.get(event.url)
    assert "Diese Veranstaltung wurde abgesagt." in public.text
    assert 'name="email"' not in public.text
    late = _register(client, event, "spaet@example.org")
    assert late.status_code == 409
    assert not Registration.objects.filter(email="spaet@example.org").exists()


def test_attendance_and_the_pdf_confirmation(client, editor, event, mailoutbox):
    _move_to_past(event, days_ago=1)
    client.force_login(editor)
    url = reverse("hub_event_registrations", args=[event.pk])
    juergen = Registration.objects.get(email="juergen@example.org")
    pia = Registration.objects.get(email="pia@example.org")
    page = client.get(url).text
    assert f'name="attended" value="{juergen.pk}"' in page
    assert f'value="{pia.pk}"' not in page  # never confirmed: cannot have attended

    saved = client.post(url, {"action": "attendance", "attended": [juergen.pk, pia.pk]})
    assert saved.status_code == 302
    juergen.refresh_from_db()
    pia.refresh_from_db()
    assert juergen.attended and not pia.attended
    assert EventFigures.objects.get(event=event).attended_places == 2  # he brought a colleague

    client.post(url, {"action": "confirmations"})
    (mail,) = mailoutbox
    assert mail.to == ["juergen@example.org"]
    assert mail.subject == "Ihre Teilnahmebestätigung: Lernreise Admin"
    ((name, pdf, mimetype),) = mail.attachments
    assert mimetype == "application/pdf" and name.endswith(".pdf")
    document = pypdfium2.PdfDocument(pdf)
    text = document[0].get_textpage().get_text_range()
    assert "Teilnahmebestätigung" in text
    assert "Jürgen Größe" in text and "Lernreise Admin" in text
    assert "gemeinsam mit einer Kollegin oder einem Kollegen" in text
    # Sent once: the button goes, a second request sends nothing.
    assert "Teilnahmebestätigung (PDF)" not in client.get(url).text
    client.post(url, {"action": "confirmations"})
    assert len(mailoutbox) == 1


def test_expired_holds_release_their_seats_by_themselves(client, db, mailoutbox):
    event = new_event("Kleine Runde", capacity=1)
    _register(client, event, "erste@example.org")
    _register(client, event, "zweite@example.org")
    first = Registration.objects.get(email="erste@example.org")
    assert Registration.objects.get(email="zweite@example.org").status == Status.WAITING
    Registration.objects.filter(pk=first.pk).update(
        hold_until=timezone.now() - datetime.timedelta(minutes=1)
    )
    mailoutbox.clear()
    call_command("release_expired_holds", stdout=io.StringIO())
    assert Registration.objects.get(pk=first.pk).status == Status.EXPIRED
    second = Registration.objects.get(email="zweite@example.org")
    assert second.status == Status.PENDING and second.hold_until > timezone.now()
    (mail,) = mailoutbox
    assert mail.to == ["zweite@example.org"] and "frei geworden" in mail.subject


def test_registrations_are_deleted_after_the_event_and_only_counts_stay(
    client, editor, db, caplog, settings
):
    settings.EVENT_RETENTION_DAYS = 30
    old = new_event("Alte Lernreise", capacity=5)
    recent = new_event("Neue Lernreise", capacity=5)
    _registered(old, "Olga Alt", "olga@example.org", places=3, attended=True)
    _registered(old, "Otto Alt", "otto@example.org", status=Status.CANCELLED)
    _registered(recent, "Rita Neu", "rita@example.org")
    EventFigures.objects.create(event=old, registered_places=3, attended_places=3)
    _move_to_past(old, days_ago=31)
    _move_to_past(recent, days_ago=29)

    out = io.StringIO()
    with caplog.at_level(logging.INFO, logger="hub.registrations"):
        call_command("purge_registrations", stdout=out)
    assert not Registration.objects.filter(event=old).exists()
    assert Registration.objects.filter(event=recent).count() == 1
    assert "2 registrations of 1 events deleted" in out.getvalue()
    logged = " ".join(record.getMessage() for record in caplog.records)
    assert "Deleted 2 registrations of 1 past events." in logged
    assert "Olga" not in logged and "olga@" not in logged
    figures = EventFigures.objects.get(event=old)
    assert (figures.registered_places, figures.attended_places) == (3, 3)


def test_english_and_german_pages_offer_the_same_places(client, editor, db, mailoutbox):
    from .test_events import ORIGIN

    german = EventPage.objects.get(slug="veranstaltung-01", locale__language_code="de")
    english = EventPage.objects.get(
        translation_key=german.translation_key, locale__language_code="en"
    )
    EventPage.objects.filter(pk=german.pk).update(capacity=1)
    data = {"name": "Ann English", "email": "ann@example.org", "consent": "on"}
    sent = client.post(english.url, data, **ORIGIN)
    assert sent.status_code == 302 and "stand=pending" in sent["Location"]
    assert Registration.objects.get(email="ann@example.org").event_id == german.pk
    # The German page's only place is taken: the next person waits.
    _register(client, german, "berta@example.org")
    assert Registration.objects.get(email="berta@example.org").status == Status.WAITING
    # The link from the e-mail works, and the admin of either page lists both.
    assert client.get(_links(mailoutbox[0])[0]).status_code == 200
    client.force_login(editor)
    for page in (german, english):
        listing = client.get(reverse("hub_event_registrations", args=[page.pk])).text
        assert "Ann English" in listing and "Ada Beispiel" in listing


def test_cancelling_closes_every_language_and_writes_in_the_events_language(
    client, editor, event, mailoutbox
):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(editor)
    client.post(reverse("hub_event_cancel", args=[event.pk]), {"confirm": "on"})
    assert mailoutbox and all(
        m.subject == "Veranstaltung abgesagt: Lernreise Admin" for m in mailoutbox
    )
    for version in EventPage.objects.filter(translation_key=event.translation_key):
        assert version.is_cancelled


def test_a_past_event_cannot_be_cancelled(client, editor, event, mailoutbox):
    _move_to_past(event, days_ago=2)
    client.force_login(editor)
    client.post(reverse("hub_event_cancel", args=[event.pk]), {"confirm": "on"})
    assert not EventPage.objects.get(pk=event.pk).is_cancelled and not mailoutbox


def test_english_registrations_get_english_mail_with_english_links(client, editor, db, mailoutbox):
    from wagtail.models import Site

    from .test_events import ORIGIN

    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "zukunftshub.example", 443
    site.save()
    german = EventPage.objects.get(slug="veranstaltung-01", locale__language_code="de")
    english = EventPage.objects.get(
        translation_key=german.translation_key, locale__language_code="en"
    )
    data = {"name": "Ann English", "email": "ann@example.org", "consent": "on"}
    client.post(english.url, data, **ORIGIN)
    _register(client, german, "berta@example.org")
    ann, berta = mailoutbox
    assert ann.subject.startswith("Please confirm your registration: ")
    assert "Hello Ann English" in ann.body
    confirm, cancel = _links(ann)
    assert confirm.startswith("/en/") and cancel.startswith("/en/")
    assert f"https://zukunftshub.example{english.url}" in ann.body  # the site's real address
    assert client.get(confirm).status_code == 200  # and the English link works
    assert berta.subject.startswith("Bitte bestätigen Sie Ihre Anmeldung: ")
    assert not _links(berta)[0].startswith("/en/")

    # Later e-mails keep each person's language, whoever sends them.
    mailoutbox.clear()
    client.force_login(editor)
    client.post(reverse("hub_event_cancel", args=[german.pk]), {"confirm": "on"})
    subjects = {m.to[0]: m.subject for m in mailoutbox}
    assert subjects["ann@example.org"].startswith("Event cancelled: ")
    assert subjects["berta@example.org"].startswith("Veranstaltung abgesagt: ")
