"""PDFs drawn by WeasyPrint from a template: tagged (PDF/UA-1), so that screen readers
can read them. Used for the Quickcheck result, attendance confirmations and
certificates."""

import base64
import mimetypes

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

# The programme's logo in a PDF: sharp enough for print at about 18 mm.
LOGO_FILTER = "height-240"
MARK = "img/mark.svg"  # the site's own mark, until the editors choose a logo


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


def _data_url(data, mimetype):
    return f"data:{mimetype};base64,{base64.b64encode(data).decode('ascii')}"


def programme_logo(settings):
    """The logo of the site settings for a PDF, as a data: URL (the PDF then needs no
    request to the site, which may not answer itself while it makes the PDF): a dict
    with src, width and height; the site's own mark when no logo is chosen."""
    if settings is not None and settings.logo is not None:
        try:
            rendition = settings.logo.get_rendition(LOGO_FILTER)
            with rendition.file.open("rb") as image:
                data = image.read()
        except (OSError, ValueError):
            pass
        else:
            mimetype = mimetypes.guess_type(rendition.file.name)[0] or "image/png"
            return {
                "src": _data_url(data, mimetype),
                "width": rendition.width,
                "height": rendition.height,
            }
    path = finders.find(MARK)
    if not path:
        return None
    with open(path, "rb") as mark:
        return {"src": _data_url(mark.read(), "image/svg+xml"), "width": 240, "height": 240}
