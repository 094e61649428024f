"""E-mail sent by the task worker, not while the visitor waits.

With ``ZUKUNFTSHUB_TASKS=database`` the site's e-mail backend is ``QueuedEmailBackend``:
sending queues a task (django-tasks, in the same transaction as what caused it) and
``manage.py db_worker`` hands the message to the real backend (``QUEUED_EMAIL_BACKEND``:
SMTP or the console). A slow or unreachable mail server then delays no page, and a
message that fails is kept as a failed task with its error.
"""

import base64
from email import message_from_string
from email.mime.base import MIMEBase

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend

from django_tasks import task


def to_data(message):
    """An EmailMessage as JSON-safe data (what a task's arguments must be)."""
    attachments = []
    for attachment in message.attachments:
        if isinstance(attachment, MIMEBase):
            attachments.append({"mime": attachment.as_string()})
            continue
        filename, content, mimetype = attachment
        if isinstance(content, str):
            content = content.encode()
        attachments.append([filename, base64.b64encode(content).decode(), mimetype])
    return {
        "subject": message.subject,
        "body": message.body,
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "alternatives": [list(item) for item in getattr(message, "alternatives", [])],
        "attachments": attachments,
        "content_subtype": message.content_subtype,
        "mixed_subtype": message.mixed_subtype,
        "alternative_subtype": getattr(message, "alternative_subtype", "alternative"),
        "encoding": message.encoding,
    }


def from_data(data):
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
    )
    for content, mimetype in data["alternatives"]:
        message.attach_alternative(content, mimetype)
    for attachment in data["attachments"]:
        if isinstance(attachment, dict):
            message.attach(message_from_string(attachment["mime"]))
            continue
        filename, content, mimetype = attachment
        if isinstance(filename, list):  # RFC 2231: (charset, language, name)
            filename = tuple(filename)
        message.attach(filename, base64.b64decode(content), mimetype)
    message.content_subtype = data["content_subtype"]
    message.mixed_subtype = data["mixed_subtype"]
    message.alternative_subtype = data["alternative_subtype"]
    message.encoding = data["encoding"]
    return message


@task()
def send_queued_email(data):
    connection = get_connection(settings.QUEUED_EMAIL_BACKEND)
    return connection.send_messages([from_data(data)])


class QueuedEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        for message in email_messages:
            send_queued_email.enqueue(to_data(message))
        return len(email_messages)
