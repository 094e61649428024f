"""The admin's own Content-Security-Policy.

The public site's policy allows no inline code at all. Wagtail's admin still renders
inline scripts (date pickers, inline panels, choosers) and supports no nonce, so it gets
a policy of its own: inline code allowed, everything else from this site only, no
third-party host (avatars come from the site too: ``WAGTAIL_GRAVATAR_PROVIDER_URL =
None``). Previews keep the public policy: the simulated request for the page's public
address has written it before this middleware sees the response, and django-csp never
replaces a header that is set (cms/preview.py).
"""

from django.conf import settings

ADMIN_PREFIX = "/admin/"


class AdminPolicyMiddleware:
    """Listed after django-csp's middleware, so it sees the response first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith(ADMIN_PREFIX):
            response._csp_config = settings.ADMIN_CONTENT_SECURITY_POLICY
        return response
