"""Routing to a page without walking the page tree on every request.

Wagtail finds the page for an address level by level: the home page in the active
language, then each child by its slug, and the specific page at every step, four or
more queries before the page does anything. Which page an address leads to changes
only with a publish, unpublish, move or deletion, which all start a new cache
generation (cms/cache.py). So the first request for an address lets Wagtail route
and keeps what it found (the page's id and type) when the address is the page's own
(not a routable page's sub-address: those are as many as visitors care to type); later
requests in the same generation load that one page, one query in all. Wagtail reads
the result from ``request._wagtail_route_for_request``.
"""

import hashlib

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.utils.translation import get_language

from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from .cache import generation_for, keep, recall

ROUTE_SECONDS = 3600


def _key(request, site, path):
    # Hashed: an address may carry a token (a registration's confirmation link).
    digest = hashlib.sha1(path.encode()).hexdigest()
    return f"route:{site.pk}:{get_language()}:{digest}:{generation_for(request)}"


class RouteCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not wagtail_views.serve or hasattr(request, "_wagtail_route_for_request"):
            return None
        path = view_args[0] if view_args else view_kwargs.get("path", "")
        site = Site.find_for_request(request)
        if site is None:
            return None
        key = _key(request, site, path)
        components = [component for component in path.split("/") if component]
        try:
            pk, content_type_id, taken = recall(key)
            model = ContentType.objects.get_for_id(content_type_id).model_class()
        except (TypeError, ValueError, ContentType.DoesNotExist):
            model = None  # nothing kept (or something else): Wagtail routes below
        if model is not None:
            page = model.objects.filter(pk=pk).first()
            if page is not None:
                try:
                    request._wagtail_route_for_request = page.route(request, components[taken:])
                except Http404:
                    request._wagtail_route_for_request = None
                return None
        result = Page.route_for_request(request, path)  # Wagtail's own, walking the tree
        if result is not None:
            page = result[0]
            # Only addresses of pages themselves: a routable page's sub-addresses (its
            # archive, a token in a link) are as many as visitors care to type.
            if page.depth - site.root_page.depth == len(components):
                keep(key, (page.pk, page.content_type_id, len(components)), ROUTE_SECONDS)
        return None
