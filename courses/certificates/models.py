"""Certificates of completed courses, and the anonymous count of them.

A certificate is issued the moment a course is completed (``courses.certificates.services``
listens to ``course_completed``), never by a periodic job. It belongs to the learner:
when they delete their account it goes with them, and its code no longer verifies.
``CertificateTally`` keeps how many a course has issued, without any person, so that
the key figures stay right after learners leave.
"""

import re
import secrets

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..learning.models import KEY_ALPHABET, Enrolment

CODE_FORMAT = re.compile(r"[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}")


def new_code():
    """Twelve characters from an alphabet without look-alikes: 32**12 possibilities."""
    return "-".join("".join(secrets.choice(KEY_ALPHABET) for _ in range(4)) for _ in range(3))


def normalise_code(text):
    """A code as printed (ABCD-EFGH-JKLM), however it was typed or copied: small letters,
    spaces, no hyphens or a PDF reader's dashes. Anything else comes back in capitals
    without spaces, to be reported as not found."""
    text = "".join((text or "").split()).upper()
    letters = re.sub(r"[^A-Z0-9]", "", text)
    if len(letters) == 12 and re.fullmatch(r"[A-Z0-9\-\u2010-\u2015\u2212]+", text):
        return "-".join(letters[i : i + 4] for i in range(0, 12, 4))
    return text


class Certificate(models.Model):
    enrolment = models.OneToOneField(
        Enrolment,
        verbose_name=_("enrolment"),
        on_delete=models.CASCADE,
        related_name="certificate",
    )
    code = models.CharField(_("verification code"), max_length=20, unique=True, default=new_code)
    # As printed: the learner's name, the course's title and its modules when it was
    # issued. An empty name waits for the learner to give one (services.give_name);
    # once given, it stays.
    name = models.CharField(_("name"), max_length=200, blank=True)
    course_title = models.CharField(_("course"), max_length=255)
    modules = models.JSONField(_("modules"), default=list, blank=True)
    course_key = models.UUIDField(editable=False)
    issued_at = models.DateTimeField(_("issued at"), default=timezone.now)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")

    def __str__(self):
        return f"{self.code} · {self.course_title}"

    @classmethod
    def find(cls, code):
        return cls.objects.filter(code=normalise_code(code)).first()


class CertificateTally(models.Model):
    """How many certificates a course (all its languages) has issued: no names."""

    course_key = models.UUIDField(unique=True)
    issued = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.course_key}: {self.issued}"
