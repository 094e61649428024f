"""Issuing, naming and sending certificates, and what a certificate shows.

- ``issue`` listens to ``course_completed``: in the transaction that completes the
  course it creates the certificate with what it will print (the learner's name, the
  course's title and modules) and counts it in the anonymous tally; once that is
  committed, the learner gets an e-mail with the PDF.
- A learner who has given no name yet is asked for it before the certificate is made
  (``give_name``); the name is then fixed: the print and the public check page show it
  as issued, whatever the profile says later.

The views (checking a code, the PDF, giving the name) are in views.py.
"""

import contextlib

from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from wagtail.models import Site

from cms.accounts.adapter import display_name
from cms.cache import invalidate
from cms.models import Profile, SiteSettings
from cms.pdf import PDFUnavailable, programme_logo, render_pdf

from ..learning import progress as learning
from ..learning.pages import CoursePage
from .models import Certificate, CertificateTally


def name_of(user):
    """The name a new certificate carries: the one the learner gave, else the account's."""
    return display_name(user) or user.get_full_name()


def issue(sender, enrolment, **kwargs):
    """Receiver of ``course_completed``: a certificate if the course gives one."""
    course = enrolment.course or (
        CoursePage.objects.filter(translation_key=enrolment.course_key).first()
    )
    if course is None or not course.certificate:
        return None
    outline = learning.build_outlines([(course, None)])[0]
    certificate, created = Certificate.objects.get_or_create(
        enrolment=enrolment,
        defaults={
            "name": name_of(enrolment.user),
            "course_title": course.title,
            "course_key": enrolment.course_key,
            "modules": [module.page.title for module in outline.modules if module.lessons],
        },
    )
    if created:
        tally, _ = CertificateTally.objects.get_or_create(course_key=enrolment.course_key)
        CertificateTally.objects.filter(pk=tally.pk).update(issued=F("issued") + 1)
        language = translation.get_language()
        # robust: a mail server that fails must not turn the learner's success into an
        # error page; the certificate is issued and waits on the dashboard.
        transaction.on_commit(lambda: send(certificate.pk, language), robust=True)
        # The key figures "Lotsen trained" and "Certificates issued" changed.
        transaction.on_commit(invalidate)
    return certificate


def give_name(certificate, name):
    """Put the learner's name on a certificate that has none yet, for good. A profile
    without a name takes it too, so that the next certificate need not ask.
    Returns False when the certificate had a name already (it is kept)."""
    name = " ".join(name.split())
    with transaction.atomic():
        if not Certificate.objects.filter(pk=certificate.pk, name="").update(name=name):
            return False
        certificate.name = name
        user = certificate.enrolment.user
        profile, _ = Profile.objects.get_or_create(user=user)
        if not profile.display_name:
            profile.display_name = name
            profile.save()
            user._zh_display_name = name
    return True


def named_later(certificate, user):
    """A certificate issued without a name takes the profile's, once there is one."""
    if not certificate.name and name_of(user):
        give_name(certificate, name_of(user))
    return bool(certificate.name)


def _site():
    return Site.objects.filter(is_default_site=True).first()


def _site_url():
    site = _site()
    return site.root_url if site else ""


def absolute(url):
    return _site_url() + url


def send(certificate_pk, language=None):
    """E-mail the learner their certificate as a PDF, with the verification link; or,
    when it has no name yet, the link where they give it."""
    certificate = (
        Certificate.objects.select_related("enrolment__user").filter(pk=certificate_pk).first()
    )
    if certificate is None or not certificate.enrolment.user.email:
        return
    with translation.override(language):
        context = pdf_context(certificate)
        values = {"course": certificate.course_title, "url": context["verify_url"]}
        if certificate.name:
            body = gettext(
                "Congratulations! You have completed the course “%(course)s”.\n\n"
                "Your certificate is attached as a PDF. Anyone can check that it is genuine at\n"
                "%(url)s\n\n"
                "You find it at any time under “My courses”."
            )
        else:
            values["url"] = absolute(reverse("course_certificate_name", args=[certificate.code]))
            body = gettext(
                "Congratulations! You have completed the course “%(course)s”.\n\n"
                "Your certificate is ready. Please tell us the name it should carry:\n"
                "%(url)s\n\n"
                "Then you can download it, at any time also under “My courses”."
            )
        message = EmailMessage(
            subject=gettext("Your certificate: %(course)s") % {"course": certificate.course_title},
            body=body % values,
            to=[certificate.enrolment.user.email],
        )
        if certificate.name:
            with contextlib.suppress(PDFUnavailable):  # the e-mail still says where to find it
                message.attach(filename(certificate), pdf(certificate, context), "application/pdf")
        message.send()


def filename(certificate):
    return f"zertifikat-{certificate.code}.pdf"


def pdf_context(certificate, request=None):
    site = _site()
    settings = SiteSettings.for_site(site) if site else None
    check = reverse("course_certificate", args=[certificate.code])
    return {
        "programme": settings.programme_name if settings else "Zukunftshub",
        "issuer": settings.contact_name if settings else "",
        "logo": programme_logo(settings),
        "certificate": certificate,
        "verify_url": request.build_absolute_uri(check) if request else absolute(check),
        "site_url": _site_url(),
    }


def pdf(certificate, context, request=None):
    """The PDF's bytes; cms.pdf.PDFUnavailable where the server cannot draw PDFs."""
    return render_pdf(
        "courses/certificate_pdf.html", context, request, base_url=_site_url() or None
    )


def lotsen_trained():
    keys = CoursePage.objects.filter(trains_lotsen=True).values("translation_key")
    return sum(
        CertificateTally.objects.filter(course_key__in=keys).values_list("issued", flat=True)
    )


def certificates_issued():
    return sum(CertificateTally.objects.values_list("issued", flat=True))
