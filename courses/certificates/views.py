"""The certificate's addresses beside the page tree.

- ``/zertifikat/<code>/`` (``verify``) tells anyone who has a code whether it belongs to
  a genuine certificate, and shows no more than what is printed on it: name, course,
  modules, date. A code typed by hand leads to the address that reads as printed.
- ``/zertifikat/<code>/pdf/`` gives the PDF to its owner alone (404 for others).
- ``/zertifikat/<code>/name/`` asks its owner for the name to print, once.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.validators import RegexValidator
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import path, register_converter, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import format_lazy
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from cms import ratelimit
from cms.pdf import PDFUnavailable
from cms.responses import private

from . import services
from .models import CODE_FORMAT, Certificate, normalise_code


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


class NameForm(forms.Form):
    name = forms.CharField(
        label=_("Your name on the certificate"),
        max_length=200,
        help_text=_(
            "As it should be printed, e.g. “Dr. Lea Lernend”. Anyone who checks the "
            "certificate sees it. It cannot be changed afterwards."
        ),
        error_messages={"required": _("Please enter the name for your certificate.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError(_("Please enter the name for your certificate."))
        return name


def verify(request, code=None):
    """Is there a genuine certificate with this code? Anyone may ask."""
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


def _own(request, code):
    """The signed-in learner's certificate with this code, or 404."""
    certificate = (
        Certificate.objects.select_related("enrolment__user", "enrolment__course")
        .filter(code=normalise_code(code), enrolment__user=request.user)
        .first()
    )
    if certificate is None:
        raise Http404
    return certificate


def certificate_pdf(request, code):
    """The PDF, for the learner whose certificate it is; 404 for everyone else."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    certificate = _own(request, code)
    if not services.named_later(certificate, request.user):
        return HttpResponseRedirect(reverse("course_certificate_name", args=[certificate.code]))
    try:
        pdf = services.pdf(certificate, services.pdf_context(certificate, request), request)
    except PDFUnavailable:
        return HttpResponse(
            gettext("The PDF cannot be made on this server."),
            status=503,
            content_type="text/plain; charset=utf-8",
        )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{services.filename(certificate)}"'
    return private(response, secret=True)


def _back(request, certificate):
    """Where the learner came from (the course page, "My courses"), else the course."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    course = certificate.enrolment.course
    return (course.get_url(request) or "/") + "#einschreibung" if course else "/"


@require_http_methods(["GET", "POST"])
def give_name(request, code):
    """Asks the owner of a certificate without a name for the name to print, once."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    certificate = _own(request, code)
    if certificate.name:
        return HttpResponseRedirect(_back(request, certificate))
    form = NameForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.give_name(certificate, form.cleaned_data["name"])
        messages.success(
            request,
            gettext("Your certificate now carries the name “%(name)s”. You can download it.")
            % {"name": certificate.name},
        )
        return HttpResponseRedirect(_back(request, certificate))
    response = render(
        request,
        "courses/certificate_name.html",
        {"form": form, "certificate": certificate, "next": _back(request, certificate)},
    )
    return private(response)


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
        path(
            format_lazy("{}<code:code>/{}", prefix, pgettext_lazy("URL path", "name/")),
            give_name,
            name="course_certificate_name",
        ),
    ]


class CodeConverter:
    """A verification code as printed (capitals, digits, hyphens) or as typed into the
    address bar (small letters, spaces): ``verify`` leads the latter to the former."""

    regex = "[A-Za-z0-9 \u00a0\\-\u2010-\u2015\u2212]{1,40}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(CodeConverter, "code")
