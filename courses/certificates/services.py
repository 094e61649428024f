"""Issuing, sending, showing and verifying certificates.

- ``issue`` listens to ``course_completed``: in the transaction that completes the
  course it creates the certificate and counts it in the anonymous tally; once that is
  committed, the learner gets an e-mail with the PDF.
- ``/zertifikat/<code>/`` (``verify``) tells anyone who has a code whether it belongs to
  a genuine certificate, and shows no more than what is printed on it: name, course,
  date. ``/zertifikat/<code>/pdf/`` gives the PDF to its owner alone (404 for others).
"""

import contextlib

from django import forms
from django.contrib.auth.views import redirect_to_login
from django.core.mail import EmailMessage
from django.core.validators import RegexValidator
from django.db import transaction
from django.db.models import F
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import path, register_converter, reverse
from django.utils import translation
from django.utils.text import format_lazy
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from wagtail.models import Site

from cms import ratelimit
from cms.accounts.adapter import display_name
from cms.cache import invalidate
from cms.pdf import PDFUnavailable, render_pdf
from cms.responses import private

from ..learning.pages import CoursePage
from .models import CODE_FORMAT, Certificate, CertificateTally, normalise_code


def issue(sender, enrolment, **kwargs):
    """Receiver of ``course_completed``: a certificate if the course gives one."""
    course = enrolment.course or (
        CoursePage.objects.filter(translation_key=enrolment.course_key).first()
    )
    if course is None or not course.certificate:
        return None
    certificate, created = Certificate.objects.get_or_create(
        enrolment=enrolment,
        defaults={
            "name": display_name(enrolment.user) or enrolment.user.get_full_name(),
            "course_title": course.title,
            "course_key": enrolment.course_key,
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


def _site():
    return Site.objects.filter(is_default_site=True).first()


def _site_url():
    site = _site()
    return site.root_url if site else ""


def absolute(url):
    return _site_url() + url


def send(certificate_pk, language=None):
    """E-mail the learner their certificate as a PDF, with the verification link."""
    certificate = (
        Certificate.objects.select_related("enrolment__user").filter(pk=certificate_pk).first()
    )
    if certificate is None or not certificate.enrolment.user.email:
        return
    with translation.override(language):
        context = _pdf_context(certificate)
        body = gettext(
            "Congratulations! You have completed the course “%(course)s”.\n\n"
            "Your certificate is attached as a PDF. Anyone can check that it is genuine at\n"
            "%(url)s\n\n"
            "You find it at any time under “My courses”."
        ) % {"course": certificate.course_title, "url": context["verify_url"]}
        message = EmailMessage(
            subject=gettext("Your certificate: %(course)s") % {"course": certificate.course_title},
            body=body,
            to=[certificate.enrolment.user.email],
        )
        with contextlib.suppress(PDFUnavailable):  # the e-mail still says where to find it
            message.attach(_filename(certificate), _pdf(certificate, context), "application/pdf")
        message.send()


def _filename(certificate):
    return f"zertifikat-{certificate.code}.pdf"


def _pdf_context(certificate, request=None):
    from cms.models.settings import SiteSettings

    site = _site()
    check = reverse("course_certificate", args=[certificate.code])
    return {
        "programme": SiteSettings.for_site(site).programme_name if site else "Zukunftshub",
        "certificate": certificate,
        "verify_url": request.build_absolute_uri(check) if request else absolute(check),
        "site_url": _site_url(),
    }


def _pdf(certificate, context, request=None):
    return render_pdf(
        "courses/certificate_pdf.html", context, request, base_url=_site_url() or None
    )


def certificates_of(user, enrolments):
    """{enrolment id: certificate} for the dashboard, in one query."""
    ids = [e.pk for e in enrolments if e.completed_at]
    if not ids or not user.is_authenticated:
        return {}
    return {c.enrolment_id: c for c in Certificate.objects.filter(enrolment_id__in=ids)}


# -- views -----------------------------------------------------------------------------
class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Verification code"),
        max_length=30,
        help_text=_("It is printed on the certificate, e.g. ABCD-EFGH-JKLM."),
        validators=[
            RegexValidator(
                r"^[A-Za-z0-9\s\-\u2010-\u2015\u2212]+$",
                _("A code has only letters, digits and hyphens, e.g. ABCD-EFGH-JKLM."),
            )
        ],
    )


def verify(request, code=None):
    """Is there a genuine certificate with this code? Anyone may ask.

    A code typed by hand (small letters, spaces, no hyphens) leads to its canonical
    address, so that the answer and the address in the browser read as printed."""
    if code is None and "code" in request.GET:
        form = CodeForm(request.GET)
        if form.is_valid():
            code = normalise_code(form.cleaned_data["code"])
            return HttpResponseRedirect(reverse("course_certificate", args=[code]))
    elif code is not None and CODE_FORMAT.fullmatch(normalise_code(code)):
        if normalise_code(code) != code:
            return HttpResponseRedirect(reverse("course_certificate", args=[normalise_code(code)]))
        form = CodeForm(initial={"code": code})
    else:
        form = CodeForm(initial={"code": code} if code else None)
    certificate = None
    status = 200
    if code is not None:
        if not ratelimit.allow(request, "certificate-verify", 60, 3600):
            status = 429
        else:
            certificate = Certificate.find(code)
            status = 200 if certificate else 404
    response = render(
        request,
        "courses/certificate_verify.html",
        {"form": form, "code": code, "certificate": certificate, "limited": status == 429},
        status=status,
    )
    return private(response, secret=True)


def certificate_pdf(request, code):
    """The PDF, for the learner whose certificate it is; 404 for everyone else."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    certificate = (
        Certificate.objects.select_related("enrolment")
        .filter(code=normalise_code(code), enrolment__user=request.user)
        .first()
    )
    if certificate is None:
        raise Http404
    if not certificate.name:
        # Issued before the learner gave a name: take it now, if there is one.
        certificate.name = display_name(request.user) or request.user.get_full_name()
        if certificate.name:
            certificate.save(update_fields=["name"])
    try:
        pdf = _pdf(certificate, _pdf_context(certificate, request), request)
    except PDFUnavailable:
        return HttpResponse(
            gettext("The PDF cannot be made on this server."),
            status=503,
            content_type="text/plain; charset=utf-8",
        )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{_filename(certificate)}"'
    return private(response, secret=True)


def url_patterns():
    prefix = pgettext_lazy("URL path", "certificate/")
    # format_lazy keeps the path translatable per request's language.
    return [
        path(prefix, verify, name="course_certificate_check"),
        path(format_lazy("{}<code:code>/", prefix), verify, name="course_certificate"),
        path(
            format_lazy("{}<code:code>/pdf/", prefix),
            certificate_pdf,
            name="course_certificate_pdf",
        ),
    ]


class CodeConverter:
    """A verification code as printed (capitals, digits, hyphens) or as typed into the
    address bar (small letters, spaces): ``verify`` leads the latter to the former."""

    regex = "[^/]{1,40}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(CodeConverter, "code")


def lotsen_trained():
    keys = CoursePage.objects.filter(trains_lotsen=True).values("translation_key")
    return sum(
        CertificateTally.objects.filter(course_key__in=keys).values_list("issued", flat=True)
    )


def certificates_issued():
    return sum(CertificateTally.objects.values_list("issued", flat=True))
