"""The routes of an event page: the page with its registration form, the thanks page,
and the links from the e-mails to confirm or cancel (the rules: services.py)."""

import hashlib

from django.http import Http404, HttpResponseRedirect
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cms import cache, counters, ratelimit
from cms.responses import private

from ..conf import settings
from . import services
from .forms import RegistrationForm
from .models import Registration
from .tokens import registration_for

STATE_MESSAGES = {
    "off": _("Registration for this event is not on this site; see the contact below."),
    "cancelled": _("This event has been cancelled."),
    "past": _("This event has taken place."),
    "not_yet": _("Registration opens on %(date)s."),
    "closed": _("Registration has closed."),
}


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
    seen = cache.versions(services.places_key(seats))
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
                    registration, created = services.register(
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
        return private(state_response)
    response = event.render(request, context_overrides=_context(seats, state, form))
    if form is not None and form.errors:
        response.status_code = 400
        return private(response)
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
        message = message % {
            "date": date_format(timezone.localtime(event.registration_opens), "j. F Y, H:i")
        }
    free = services.free_places(event) if state == "open" else 0
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
    registration = services.confirm(request, registration)
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
        services.cancel(request, registration)
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
            "position": services.waiting_position(registration) if registration else None,
        },
    )
    response.status_code = status
    return private(response, secret=True)
