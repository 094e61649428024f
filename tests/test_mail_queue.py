"""E-mail through the task queue: sent by `db_worker`, not while the visitor waits."""

from django.core import mail
from django.core.management import call_command

from django_tasks_db.models import DBTaskResult

from tests.hub.test_events import _register, new_event

QUEUED = "cms.mail.QueuedEmailBackend"
LOCMEM = "django.core.mail.backends.locmem.EmailBackend"


def test_a_queued_message_arrives_whole(settings, mailoutbox):
    settings.EMAIL_BACKEND = QUEUED
    settings.QUEUED_EMAIL_BACKEND = LOCMEM
    message = mail.EmailMultiAlternatives(
        "Teilnahmebestätigung",
        "Guten Tag, Frau Beispiel",
        "Zukunftshub <noreply@zukunftshub.example>",
        ["ada@example.org"],
        reply_to=["team@zukunftshub.example"],
        headers={"Auto-Submitted": "auto-generated"},
    )
    message.attach_alternative("<p>Guten Tag</p>", "text/html")
    message.attach("bestaetigung.pdf", b"%PDF-1.7 \x00\xff", "application/pdf")
    assert message.send() == 1
    (sent,) = mailoutbox
    assert (sent.subject, sent.body, sent.to, sent.reply_to) == (
        "Teilnahmebestätigung",
        "Guten Tag, Frau Beispiel",
        ["ada@example.org"],
        ["team@zukunftshub.example"],
    )
    assert sent.extra_headers["Auto-Submitted"] == "auto-generated"
    assert sent.alternatives[0][:2] == ("<p>Guten Tag</p>", "text/html")
    assert sent.attachments[0][:3] == ("bestaetigung.pdf", b"%PDF-1.7 \x00\xff", "application/pdf")


def test_an_html_only_message_stays_html(settings, mailoutbox):
    settings.EMAIL_BACKEND = QUEUED
    settings.QUEUED_EMAIL_BACKEND = LOCMEM
    message = mail.EmailMessage("Bestätigen", "<p>Bitte bestätigen</p>", to=["ada@example.org"])
    message.content_subtype = "html"  # as django-allauth sends its HTML-only mails
    message.send()
    (sent,) = mailoutbox
    assert sent.content_subtype == "html" and "text/html" in sent.message().as_string()


def test_the_worker_sends_what_a_registration_queued(
    client, db, settings, mailoutbox, django_capture_on_commit_callbacks, monkeypatch
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.EMAIL_BACKEND = QUEUED
    settings.QUEUED_EMAIL_BACKEND = LOCMEM
    event = new_event()
    with django_capture_on_commit_callbacks(execute=True):
        assert _register(client, event).status_code == 302
    assert mailoutbox == []  # the visitor did not wait for the mail server
    queued = DBTaskResult.objects.filter(task_path="cms.mail.send_queued_email")
    assert queued.count() == 1
    # The worker drops database connections between tasks; the test's one must stay.
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    (sent,) = mailoutbox
    assert sent.to == ["ada@example.org"] and event.title in sent.subject
    assert queued.get().status == "SUCCESSFUL"
