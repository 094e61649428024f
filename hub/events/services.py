"""Registering for events: double opt-in, seats held while the e-mail is unconfirmed,
a waiting list that moves up by itself, group places and self-service cancellation.

The rules:
- A registration asks for `places` seats (the person and their colleagues). While its
  e-mail is not confirmed it *holds* them for settings.EVENT_HOLD_MINUTES (status
  "pending"); confirming makes them "confirmed". A hold that runs out is "expired" and
  its seats are free again.
- When the free seats do not suffice, the registration goes to the waiting list. Whenever
  seats become free (a cancellation, an expired hold), the waiting registrations are
  taken in the order they came: each that fits as a whole moves up, a group together;
  one that does not fit yet keeps its place.
- Every change happens while the event's EventFigures row is locked (and, on SQLite,
  in an IMMEDIATE transaction), so two registrations never take the same seat.
- Links in e-mails carry a signed token (tokens.py); no account.
"""

import datetime

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from cms import cache

from ..conf import settings
from . import emails
from .models import EventFigures, Registration

Status = Registration.Status


# -- seats --------------------------------------------------------------------------
def places_key(event):
    """The version of an event's free places: raised with every change to its
    registrations, so that its cached pages show the right number."""
    return f"event-places:{event.pk}"


def lock(event):
    """Lock the event's registrations for a change (and mark its cached pages stale)."""
    cache.changed(places_key(event))
    EventFigures.objects.get_or_create(event_id=event.pk)
    return EventFigures.objects.select_for_update().get(event_id=event.pk)


def taken_places(event):
    return (
        event.registrations.filter(status__in=(Status.PENDING, Status.CONFIRMED)).aggregate(
            n=Sum("places")
        )["n"]
        or 0
    )


def free_places(event):
    return max(event.capacity - taken_places(event), 0)


def pending_allowance(event):
    """Places that unconfirmed registrations may hold at once: half of the event, at
    least settings.EVENT_PENDING_MIN. Throwaway addresses cannot hold a whole event."""
    held = event.registrations.filter(status=Status.PENDING).aggregate(n=Sum("places"))["n"] or 0
    limit = max(settings.EVENT_PENDING_MIN, -(-event.capacity // 2))
    return max(limit - held, 0)


def _hold_until(now):
    return now + datetime.timedelta(minutes=settings.EVENT_HOLD_MINUTES)


def settle(event, figures, now):
    """Free the seats of holds that ran out, move up whom the free seats fit, and count
    the confirmed places. Returns the registrations that moved up (to be told)."""
    event.registrations.filter(status=Status.PENDING, hold_until__lt=now).update(
        status=Status.EXPIRED, hold_until=None
    )
    moved = []
    free = free_places(event)
    unconfirmed = pending_allowance(event)
    if free:
        for waiting in event.registrations.filter(status=Status.WAITING).order_by(
            "created_at", "pk"
        ):
            if waiting.places > free:
                continue
            if waiting.email_confirmed:
                waiting.status = Status.CONFIRMED
            elif waiting.places > unconfirmed:
                continue  # moves up once confirmed, or when holds run out
            else:
                waiting.status = Status.PENDING
                waiting.hold_until = _hold_until(now)
                unconfirmed -= waiting.places
            waiting.save(update_fields=["status", "hold_until", "changed_at"])
            moved.append(waiting)
            free -= waiting.places
            if not free:
                break
    confirmed = (
        event.registrations.filter(status=Status.CONFIRMED).aggregate(n=Sum("places"))["n"] or 0
    )
    if figures.registered_places != confirmed:
        figures.registered_places = confirmed
        figures.save(update_fields=["registered_places"])
    return moved


def _tell_moved_up(request, moved):
    for registration in moved:
        emails.moved_up(request, registration)


def register(request, event, data, language=None):
    """Register (data: a RegistrationForm's cleaned_data) in ``language``, the language
    of the page the visitor used. Returns (registration, created): an active
    registration with the same e-mail is returned, not doubled."""
    now = timezone.now()
    with transaction.atomic():
        figures = lock(event)
        moved = settle(event, figures, now)
        existing = (
            event.registrations.filter(email__iexact=data["email"], status__in=Registration.ACTIVE)
            .order_by("created_at")
            .first()
        )
        if existing is None:
            places = 1 + (data.get("colleagues") or 0)
            free = places <= free_places(event)
            seat = free and places <= pending_allowance(event)
            registration = Registration.objects.create(
                event=event,
                name=data["name"],
                email=data["email"],
                company=data.get("company", ""),
                accessibility_needs=data.get("accessibility_needs", ""),
                places=places,
                status=Status.PENDING if seat else Status.WAITING,
                hold_until=_hold_until(now) if seat else None,
                created_at=now,
                language=language or event.locale.language_code,
            )
    _tell_moved_up(request, moved)
    if existing is not None:
        emails.already_registered(request, existing)
        return existing, False
    # Places are free, but as many wait for their address to be confirmed as the event
    # lets wait: this one waits too, and gets the place by confirming (the thanks page
    # says so, not "the event is full").
    registration.waits_for_confirmations = not seat and free
    emails.confirm_request(request, registration)
    return registration, True


def confirm(request, registration):
    """The e-mail is confirmed: a held seat becomes a confirmed one; on the waiting list,
    the registration stays there (and moves up confirmed). Returns the registration."""
    now = timezone.now()
    event = registration.event
    with transaction.atomic():
        figures = lock(event)
        moved = settle(event, figures, now)
        registration.refresh_from_db()
        if registration.status in (Status.CANCELLED,):
            return registration
        first_time = not registration.email_confirmed
        registration.email_confirmed = True
        if registration.status == Status.PENDING:
            registration.status = Status.CONFIRMED
            registration.hold_until = None
        elif registration.status == Status.EXPIRED:
            # The hold ran out: a seat if there is one, the waiting list otherwise.
            seat = registration.places <= free_places(event)
            registration.status = Status.CONFIRMED if seat else Status.WAITING
        registration.save()
        moved += settle(event, figures, now)
        # Confirming may itself have moved it up: it gets the one e-mail of confirming.
        registration.refresh_from_db()
        moved = [other for other in moved if other.pk != registration.pk]
    _tell_moved_up(request, moved)
    if first_time:
        emails.confirmed(request, registration)
    return registration


def cancel(request, registration):
    """Cancel a registration; its seats go to the waiting list."""
    now = timezone.now()
    event = registration.event
    with transaction.atomic():
        figures = lock(event)
        registration.refresh_from_db()
        if registration.status not in Registration.ACTIVE:
            return registration
        registration.status = Status.CANCELLED
        registration.hold_until = None
        registration.save()
        moved = settle(event, figures, now)
    _tell_moved_up(request, moved)
    emails.cancelled(request, registration)
    return registration


def release_expired_holds(request=None):
    """Free the seats of holds that ran out at upcoming events and move up the waiting
    lists, telling those who moved up (run periodically, so that nobody waits for the
    next registration to happen). Returns how many moved up."""
    now = timezone.now()
    moved = []
    events = (
        Registration.objects.filter(
            status=Status.PENDING, hold_until__lt=now, event__ends_at__gte=now
        )
        .values_list("event", flat=True)
        .distinct()
    )
    for figures in EventFigures.objects.filter(event__in=list(events)).select_related("event"):
        event = figures.event
        with transaction.atomic():
            moved += settle(event, lock(event), now)
    _tell_moved_up(request, moved)
    return len(moved)


def waiting_position(registration):
    if registration.status != Status.WAITING:
        return None
    return (
        registration.event.registrations.filter(
            status=Status.WAITING, created_at__lte=registration.created_at
        )
        .exclude(pk=registration.pk)
        .count()
        + 1
    )
