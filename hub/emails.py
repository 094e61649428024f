"""The e-mails of event registration, sent through Django's mail framework. Every one
carries the self-service cancellation link while the registration is active."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils.translation import gettext


def _link(request, registration, route, purpose):
    from .registration import token_for

    event = registration.event
    base = event.get_full_url(request)
    return base + event.reverse_subpage(route, args=[token_for(registration, purpose)])


def _send(request, registration, subject, template, attachments=(), connection=None, **context):
    event = registration.event
    context.update(
        registration=registration,
        event=event,
        event_url=event.get_full_url(request),
        dates=list(event.dates.all()),
        cancel_url=_link(request, registration, "cancel", "cancel"),
        confirm_url=_link(request, registration, "confirm", "confirm"),
    )
    body = render_to_string(f"hub/email/{template}.txt", context, request=request)
    message = EmailMessage(
        subject=f"{subject}: {event.title}",
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
        subject = gettext("On the waiting list – please confirm your e-mail")
    else:
        subject = gettext("Please confirm your registration")
    _send(request, registration, subject, "confirm_request")


def already_registered(request, registration):
    _send(request, registration, gettext("You are already registered"), "already_registered")


def confirmed(request, registration):
    if registration.status == registration.Status.WAITING:
        subject = gettext("E-mail confirmed – you are on the waiting list")
    else:
        subject = gettext("Registration confirmed")
    _send(request, registration, subject, "confirmed")


def moved_up(request, registration):
    _send(request, registration, gettext("A place has become free for you"), "moved_up")


def cancelled(request, registration):
    _send(request, registration, gettext("Registration cancelled"), "cancelled")


def event_cancelled(request, registration, note, connection=None):
    _send(
        request,
        registration,
        gettext("Event cancelled"),
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
        gettext("Your confirmation of attendance"),
        "attendance",
        attachments=[(name, pdf, "application/pdf")],
        connection=connection,
    )
