"""Previews in the admin's preview panel.

Wagtail renders a preview by sending a simulated request for the page's public URL
through the whole middleware stack (``PreviewableMixin.make_preview_request``). The
public site forbids framing (CSP ``frame-ancestors 'none'``, ``X-Frame-Options:
DENY``), so without this the browser refused to show any preview in the editor's
side panel, and Wagtail's checks panel, which runs inside that frame, reported
nothing. A preview is answered under ``/admin/``, so it may be framed by the admin
itself (the same origin) and by nothing else; public pages keep their policy.
"""


class PreviewFramingMiddleware:
    """Lets the admin frame previews. Listed after the CSP and X-Frame-Options
    middleware, so it sees the response before they do."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "is_preview", False):
            replace = dict(getattr(response, "_csp_replace", None) or {})
            replace["frame-ancestors"] = ["'self'"]
            response._csp_replace = replace
            response["X-Frame-Options"] = "SAMEORIGIN"
        return response
