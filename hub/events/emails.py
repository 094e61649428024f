"""The e-mails of event registration, sent through Django's mail framework. Every one
carries the self-service cancellation link while the registration is active."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from .tokens import token_for


def page_for(registration):
    """The event's page in the registration's language (an English alias or
    translation), else the page that holds the registrations."""
    event = registration.event
    if registration.language == event.locale.language_code:
        return event
    version = (
        type(event)
        .objects.live()
        .filter(translation_key=event.translation_key, locale__language_code=registration.language)
        .first()
    )
    return version.specific if version else event


def _link(request, page, registration, route, purpose):
    token = token_for(registration, purpose)
    return page.get_full_url(request) + page.reverse_subpage(route, args=[token])


def _send(request, registration, subject, template, attachments=(), connection=None, **context):
    """Write in the registration's language and the site's time zone, whatever the
    language of the request or the editor's admin, with links to the site's address."""
    event = registration.event
    page = page_for(registration)
    with translation.override(registration.language), timezone.override(settings.TIME_ZONE):
        context.update(
            registration=registration,
            event=page,
            event_url=page.get_full_url(request),
            dates=list(event.dates.all()),
            cancel_url=_link(request, page, registration, "cancel", "cancel"),
            confirm_url=_link(request, page, registration, "confirm", "confirm"),
        )
        body = render_to_string(f"hub/email/{template}.txt", context, request=request)
        subject = f"{subject}: {page.title}"
    message = EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[registration.email],
        connection=connection,
    )
    for attachment in attachments:
        message.attach(*attachment)
    message.send()


def confirm_request(request, registration):
    if registration.status == registration.Status.WAITING:
        subject = _("On the waiting list – please confirm your e-mail")
    else:
        subject = _("Please confirm your registration")
    _send(request, registration, subject, "confirm_request")


def already_registered(request, registration):
    _send(request, registration, _("You are already registered"), "already_registered")


def confirmed(request, registration):
    if registration.status == registration.Status.WAITING:
        subject = _("E-mail confirmed – you are on the waiting list")
    else:
        subject = _("Registration confirmed")
    _send(request, registration, subject, "confirmed")


def moved_up(request, registration):
    _send(request, registration, _("A place has become free for you"), "moved_up")


def cancelled(request, registration):
    _send(request, registration, _("Registration cancelled"), "cancelled")


def event_cancelled(request, registration, note, connection=None):
    _send(
        request,
        registration,
        _("Event cancelled"),
        "event_cancelled",
        connection=connection,
        note=note,
    )


def to_participant(request, registration, subject, text, connection=None):
    _send(request, registration, subject, "to_participant", connection=connection, text=text)


def attendance(request, registration, pdf, connection=None):
    name = f"teilnahmebestaetigung-{registration.event.slug}.pdf"
    _send(
        request,
        registration,
        _("Your confirmation of attendance"),
        "attendance",
        attachments=[(name, pdf, "application/pdf")],
        connection=connection,
    )
