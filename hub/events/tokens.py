"""Links in registration e-mails carry a signed token (registration, event, purpose):
no account is needed to confirm or cancel."""

from django.core import signing
from django.utils import timezone

from .models import Registration

SALT = "hub.registration"


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
