"""CSRF protection that keeps pages with anonymous forms cookie-free and cacheable.

Logged-in users (and every form outside the page tree: admin, accounts) keep
Django's token, checked by Django's CsrfViewMiddleware right after this one. A form
POSTed to a Wagtail page by someone not signed in carries no authority, so the
page hands out no token; instead the browser's ``Sec-Fetch-Site`` or ``Origin``
header must show that the form was sent from this site, and the page limits the
rate of submissions (cms/ratelimit.py). See docs/decisions/0003-csp-and-caching.md.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from wagtail.views import serve as wagtail_serve

SAFE_FETCH_SITES = {"same-origin", "none"}


def sent_from_this_site(request):
    """Browsers send ``Origin`` with every POST and ``Sec-Fetch-Site`` with most: a POST
    with neither did not come from a form of ours; an origin must match scheme and host."""
    fetch_site = request.headers.get("sec-fetch-site")
    origin = request.headers.get("origin")
    if fetch_site is None and origin is None:
        return False
    if fetch_site is not None and fetch_site not in SAFE_FETCH_SITES:
        return False
    if origin is not None:
        trusted = {f"{request.scheme}://{request.get_host()}", *settings.CSRF_TRUSTED_ORIGINS}
        if origin not in trusted:
            return False
    return True


class AnonymousPageFormMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, callback, callback_args, callback_kwargs):
        # Anyone not signed in, with or without a session (e.g. just after signing up),
        # sends page forms without a token: the cached page they saw holds none.
        if (
            request.method == "POST"
            and callback is wagtail_serve
            and not request.user.is_authenticated
        ):
            if not sent_from_this_site(request):
                raise PermissionDenied(_("The form was sent from another site."))
            request._dont_enforce_csrf_checks = True
        return None
