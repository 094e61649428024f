"""Input that no form of the site accepts gets a clear 400, never a 500.

- ``whole_number()`` reads a number from a parameter: ASCII digits only (``"²".isdigit()``
  is true and ``int("²")`` fails), and few of them (``int()`` refuses more than 4,300
  digits, and no page or answer number is that long).
- ``RejectNulMiddleware`` answers 400 when a parameter's name or value holds
  NUL: nobody types it, SQLite's full text search and PostgreSQL refuse it, and Django's
  forms reject it anyway. Other control characters pass (a line break pasted from Word
  is \x0b, and an editor's whole save must not fail over it).
"""

import re

from django.core.exceptions import BadRequest
from django.utils.translation import gettext

MAX_DIGITS = 9
CONTROL = re.compile("\x00")


def whole_number(value, default=None):
    """``value`` as a non-negative int, or ``default`` when it is not a short ASCII number."""
    if (
        isinstance(value, str)
        and 0 < len(value) <= MAX_DIGITS
        and value.isascii()
        and value.isdigit()
    ):
        return int(value)
    return default


def _has_nul(data):
    return any(
        CONTROL.search(key) or any(CONTROL.search(value) for value in data.getlist(key))
        for key in data
    )


class RejectNulMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        form_post = request.method == "POST" and request.content_type in (
            "application/x-www-form-urlencoded",
            "multipart/form-data",
        )
        if _has_nul(request.GET) or (form_post and _has_nul(request.POST)):
            raise BadRequest(gettext("The request holds characters that no form accepts."))
        return self.get_response(request)
