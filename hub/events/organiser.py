"""What editors do with an event's registrations once people have registered: write
to everyone, cancel the event, mark attendance and send confirmations of attendance,
and (by `manage.py purge_registrations`) delete the registrations some time after the
event. The rules of registering itself are in services.py."""

import datetime
import logging
from contextlib import contextmanager

from django.core.mail import get_connection
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone, translation

from cms import cache
from cms.pdf import render_pdf

from ..conf import settings
from . import emails
from .models import EventFigures, Registration
from .services import lock, settle

Status = Registration.Status
logger = logging.getLogger("hub.registrations")


@contextmanager
def participants_language(event):
    """E-mails and PDFs in the event's language and time, whatever the language and
    time zone the editor has chosen for the admin."""
    with translation.override(event.locale.language_code), timezone.override(settings.TIME_ZONE):
        yield


def participants(event, include_waiting=False):
    """The registrations that hold a place (and, if asked, those waiting for one)."""
    statuses = [Status.CONFIRMED, Status.PENDING]
    if include_waiting:
        statuses.append(Status.WAITING)
    return event.registrations.filter(status__in=statuses).order_by("created_at", "pk")


def write_to_participants(request, event, subject, text, include_waiting=False):
    """Send every participant the editor's message; returns how many were written to."""
    recipients = list(participants(event, include_waiting))
    with participants_language(event), get_connection() as connection:
        for registration in recipients:
            emails.to_participant(request, registration, subject, text, connection=connection)
    return len(recipients)


def cancel_event(request, event, note=""):
    """Cancel the event: registration closes, every active registration is cancelled
    and its person told. Returns how many were told."""
    now = timezone.now()
    with transaction.atomic():
        figures = lock(event)
        # Every language version says so and takes no registration.
        type(event).objects.filter(translation_key=event.translation_key).update(cancelled_at=now)
        event.cancelled_at = now
        told = list(event.registrations.filter(status__in=Registration.ACTIVE))
        event.registrations.filter(pk__in=[r.pk for r in told]).update(
            status=Status.CANCELLED, hold_until=None, changed_at=now
        )
        settle(event, figures, now)
    with participants_language(event), get_connection() as connection:
        for registration in told:
            registration.status = Status.CANCELLED
            emails.event_cancelled(request, registration, note, connection=connection)
    # The listing and the key figures show the cancellation.
    cache.invalidate()
    return len(told)


def set_attendance(event, attended_ids):
    """Mark who came (of the confirmed registrations); keeps the anonymous count of
    places that came, which outlives the registrations."""
    with transaction.atomic():
        figures = lock(event)
        confirmed = event.registrations.filter(status=Status.CONFIRMED)
        confirmed.filter(pk__in=attended_ids).update(attended=True)
        confirmed.exclude(pk__in=attended_ids).update(attended=False)
        figures.attended_places = (
            confirmed.filter(attended=True).aggregate(n=Sum("places"))["n"] or 0
        )
        figures.save(update_fields=["attended_places"])
    cache.invalidate()


def send_attendance_confirmations(request, event):
    """E-mail each attendee who has none yet a PDF confirmation of attendance. Returns
    how many were sent."""
    due = list(
        event.registrations.filter(
            status=Status.CONFIRMED, attended=True, attendance_sent_at__isnull=True
        )
    )
    dates = list(event.dates.all())
    sent = 0
    with participants_language(event), get_connection() as connection:
        for registration in due:
            # Claimed first, so that a second click at the same time sends nothing twice.
            claimed = Registration.objects.filter(
                pk=registration.pk, attendance_sent_at__isnull=True
            ).update(attendance_sent_at=timezone.now())
            if not claimed:
                continue
            try:
                pdf = attendance_pdf(request, event, dates, registration)
                emails.attendance(request, registration, pdf, connection=connection)
            except Exception:
                Registration.objects.filter(pk=registration.pk).update(attendance_sent_at=None)
                raise
            sent += 1
    return sent


def attendance_pdf(request, event, dates, registration):
    return render_pdf(
        "hub/attendance_pdf.html",
        {
            "event": event,
            "dates": dates,
            "registration": registration,
            "colleagues": registration.places - 1,
            "issued": timezone.localdate(),
        },
        request,
    )


def purge_registrations(now=None):
    """Delete the registrations of events that ended more than
    settings.EVENT_RETENTION_DAYS ago. The anonymous counts in EventFigures stay.
    Returns (registrations deleted, events concerned)."""
    now = now or timezone.now()
    before = now - datetime.timedelta(days=settings.EVENT_RETENTION_DAYS)
    expired = Registration.objects.filter(event__ends_at__lt=before)
    events = set(expired.values_list("event_id", flat=True).distinct())
    for event_id in events:
        # The counts are kept current on every change; make sure a row exists.
        EventFigures.objects.get_or_create(event_id=event_id)
    deleted, _ = expired.delete()
    if deleted:
        logger.info("Deleted %d registrations of %d past events.", deleted, len(events))
    return deleted, len(events)
