"""PDFs drawn by WeasyPrint from a template: tagged (PDF/UA-1), so that screen readers
can read them. Used for the Quickcheck result, attendance confirmations and
certificates."""

from django.template.loader import render_to_string


class PDFUnavailable(Exception):
    """The system's Pango libraries are missing (see the README's Debian packages)."""


def render_pdf(template, context, request=None, base_url=None):
    """The bytes of a PDF of `template` rendered with `context`."""
    html = render_to_string(template, context, request=request)
    try:
        from weasyprint import HTML
    except OSError as error:
        raise PDFUnavailable from error
    if base_url is None and request is not None:
        base_url = request.build_absolute_uri("/")
    return HTML(string=html, base_url=base_url).write_pdf(pdf_variant="pdf/ua-1")
