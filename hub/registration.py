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
- Links in e-mails carry a signed token (registration, event, purpose); no account.
"""

import datetime
import hashlib
import re

from django import forms
from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import Sum
from django.http import Http404, HttpResponseRedirect
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cms import cache, counters, ratelimit

from . import emails
from .models.events import EventFigures, Registration

Status = Registration.Status
SALT = "hub.registration"


# -- tokens -------------------------------------------------------------------------
def token_for(registration, purpose):
    """A signed token as two path segments (Wagtail serves addresses of words, hyphens
    and slashes; a signature's ":" becomes "/")."""
    token = signing.dumps([registration.pk, registration.event_id, purpose], salt=SALT)
    return token.replace(":", "/")


def registration_for(event, token, purpose):
    """The registration a link is for, or None if it was tampered with, is for another
    event or purpose, or the registration no longer exists."""
    try:
        pk, event_id, what = signing.loads(token.replace("/", ":"), salt=SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if event_id != event.pk or what != purpose:
        return None
    if event.ends_at is not None and event.ends_at < timezone.now():
        return None  # links in e-mails end with the event
    return Registration.objects.filter(pk=pk, event=event).first()


# -- seats --------------------------------------------------------------------------
def places_key(event):
    """The version of an event's free places: raised with every change to its
    registrations, so that its cached pages show the right number."""
    return f"event-places:{event.pk}"


def _lock(event):
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


def _settle(event, figures, now):
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
        figures = _lock(event)
        moved = _settle(event, figures, now)
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
        figures = _lock(event)
        moved = _settle(event, figures, now)
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
        moved += _settle(event, figures, now)
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
        figures = _lock(event)
        registration.refresh_from_db()
        if registration.status not in Registration.ACTIVE:
            return registration
        registration.status = Status.CANCELLED
        registration.hold_until = None
        registration.save()
        moved = _settle(event, figures, now)
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
    from .models.events import EventPage

    for event in EventPage.objects.filter(pk__in=list(events)):
        with transaction.atomic():
            moved += _settle(event, _lock(event), now)
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


# -- the form ---------------------------------------------------------------------------
# A scheme, "www.", a lower-case domain ending or a domain with a path: "betrug.com",
# "https://…", "bit.ly/x"; not "Dr. A.De Vries" (names start with capitals).
WEB_ADDRESS = re.compile(
    r"(?i:[a-z][a-z0-9+.-]*://|www\.)|[\w-]+\.(?:com|net|org|de|eu|info|biz|ru|cn|io|xyz|"
    r"top|site|online|link|click|ly|me|co|shop|app)\b|[\w-]+\.[a-z]{2,}/"
)


class RegistrationForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120)
    email = forms.EmailField(
        label=_("E-mail"),
        help_text=_("We send you a link to confirm your registration."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    company = forms.CharField(label=_("Company"), max_length=200, required=False)
    colleagues = forms.IntegerField(
        label=_("Colleagues you bring along"),
        min_value=0,
        initial=0,
        required=False,
        help_text=_("Only your own details are needed."),
    )
    accessibility_needs = forms.CharField(
        label=_("Accessibility needs"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("E.g. step-free access, sign language interpreting, induction loop."),
    )
    consent = forms.BooleanField(
        label=_("I agree that my details are used as the privacy notice describes.")
    )

    def _plain(self, field):
        """One line without web addresses: the text goes into e-mails to whatever
        address was typed, and must not carry a stranger's link or header."""
        value = " ".join(self.cleaned_data[field].split())
        if WEB_ADDRESS.search(value):
            raise forms.ValidationError(
                gettext("Please give only the name here, without a web address.")
            )
        return value

    def clean_name(self):
        return self._plain("name")

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["company"].widget.attrs["autocomplete"] = "organization"
        if event.max_group_size > 1:
            limit = event.max_group_size - 1
            field = self.fields["colleagues"]
            field.validators.append(_max(limit))
            field.widget.attrs.update(min=0, max=limit)
        else:
            del self.fields["colleagues"]


def _max(limit):
    from django.core.validators import MaxValueValidator

    return MaxValueValidator(
        limit,
        message=gettext("You can bring at most %(limit)s colleagues.") % {"limit": limit},
    )


# -- views (routes of EventPage) --------------------------------------------------------
STATE_MESSAGES = {
    "off": _("Registration for this event is not on this site; see the contact below."),
    "cancelled": _("This event has been cancelled."),
    "past": _("This event has taken place."),
    "not_yet": _("Registration opens on %(date)s."),
    "closed": _("Registration has closed."),
}


def _private(response):
    """Seats change without a publish: the page must not come from the page cache."""
    patch_cache_control(response, private=True, no_cache=True)
    return response


def _next_change(event, now):
    """When the registration state changes with the clock next, or None."""
    moments = (event.registration_opens, event.registration_closes_at(), event.ends_at)
    return min((moment for moment in moments if moment and moment > now), default=None)


def event_page(event, request):
    # Places are counted on the page in the site's language (an English alias or
    # translation offers the same places); the page asked for is what is shown.
    seats = event.seat_page()
    # Read before the places are counted: a registration in between makes the page
    # stored now out of date at once.
    seen = cache.versions(places_key(seats))
    now = timezone.now()
    state = seats.registration_state(now)
    form = None
    if state == "open":
        if request.method == "POST":
            form = RegistrationForm(request.POST, event=seats)
            if form.is_valid():
                refusal = _refusal(request, seats, form.cleaned_data["email"])
                if refusal:
                    form.add_error(None, refusal)
                else:
                    registration, created = register(
                        request, seats, form.cleaned_data, event.locale.language_code
                    )
                    stand = registration.status if created else "doppelt"
                    if getattr(registration, "waits_for_confirmations", False):
                        stand = "waiting-confirm"
                    # A fragment of its own, or the browser keeps the form's "#form-errors".
                    url = event.url + event.reverse_subpage("thanks") + f"?stand={stand}#main"
                    return HttpResponseRedirect(url)
        else:
            form = RegistrationForm(event=seats)
    elif request.method == "POST":
        state_response = event.render(
            request, context_overrides=_context(seats, state, None, posted=True)
        )
        state_response.status_code = 409
        return _private(state_response)
    response = event.render(request, context_overrides=_context(seats, state, form))
    if form is not None and form.errors:
        response.status_code = 400
        return _private(response)
    # Cached for anonymous visitors like every page, while its places are unchanged.
    return cache.depend_on(response, seen, until=_next_change(seats, now))


def _refusal(request, event, email):
    """Why this registration is not taken now, or "" (limits against seat hoarding and
    against mail to strangers; counted in the shared cache)."""
    if not ratelimit.allow(request, f"event-{event.pk}", *settings.EVENT_RATE_LIMIT):
        return gettext(
            "You have registered very often in a short while. Please wait a "
            "little and send the form again; what you typed is kept."
        )
    hold_window = settings.EVENT_HOLD_MINUTES * 60
    if not ratelimit.allow(
        request, f"event-hold-{event.pk}", settings.EVENT_HOLDS_PER_VISITOR, hold_window
    ):
        return gettext(
            "Several registrations for this event were sent from your connection just now. "
            "Please confirm them with the link in their e-mails, or register colleagues as "
            "your companions. Try again in %(minutes)s minutes; what you typed is kept."
        ) % {"minutes": settings.EVENT_HOLD_MINUTES}
    limit, window = settings.EVENT_MAILS_PER_ADDRESS
    address = hashlib.sha256(f"{settings.SECRET_KEY}:{email.lower()}".encode()).hexdigest()
    if counters.hit(f"event-mail:{address[:24]}", window) > limit:
        return gettext(
            "We have sent several e-mails to this address today. Please use the link in "
            "one of them, or try again tomorrow."
        )
    return ""


def _context(event, state, form, posted=False):
    message = STATE_MESSAGES.get(state, "")
    if state == "not_yet":
        from django.utils.formats import date_format

        message = message % {
            "date": date_format(timezone.localtime(event.registration_opens), "j. F Y, H:i")
        }
    free = free_places(event) if state == "open" else 0
    return {
        "form": form,
        "registration_state": state,
        "state_message": message,
        "posted": posted,
        "free_places": free,
        "waiting_list": state == "open" and free == 0,
    }


def thanks_view(event, request):
    stand = request.GET.get("stand", "")
    if stand not in ("pending", "waiting", "waiting-confirm", "doppelt"):
        raise Http404
    return event.render(
        request,
        template="hub/event_registration_message.html",
        context_overrides={"stand": stand},
    )


def confirm_view(event, request, token):
    seats = event.seat_page()
    registration = registration_for(seats, token, "confirm")
    if registration is None:
        return _invalid(event, request)
    if seats.is_past or seats.is_cancelled:
        return _message(event, request, "closed", registration, status=410)
    registration = confirm(request, registration)
    return _message(event, request, f"confirm-{registration.status}", registration)


def cancel_view(event, request, token):
    seats = event.seat_page()
    registration = registration_for(seats, token, "cancel")
    if registration is None:
        return _invalid(event, request)
    if seats.is_past:
        return _message(event, request, "closed", registration, status=410)
    if registration.status not in Registration.ACTIVE:
        return _message(event, request, "already-cancelled", registration)
    if request.method == "POST":
        cancel(request, registration)
        return _message(event, request, "cancelled", registration)
    return _message(event, request, "cancel-ask", registration)


def _invalid(event, request):
    return _message(event, request, "invalid", None, status=404)


def _message(event, request, stand, registration, status=200):
    response = event.render(
        request,
        template="hub/event_registration_message.html",
        context_overrides={
            "stand": stand,
            "registration": registration,
            "position": waiting_position(registration) if registration else None,
        },
    )
    response.status_code = status
    response["X-Robots-Tag"] = "noindex"
    return _private(response)
