"""The Wagtail Site of a request, found in memory or the cache instead of the database."""

import copy

from wagtail.models import Site

from . import counters
from .cache import keep, recall

SITES_VERSION_KEY = counters.common("sites-version")


def forget_sites(**kwargs):
    """A Site saved or deleted: every process looks the sites up anew (now and on commit)."""
    counters.changed(SITES_VERSION_KEY)


def forget_sites_for_root(instance=None, **kwargs):
    """A published home page (depth 2) may be a site's root: its cached copy goes."""
    if instance is not None and instance.depth <= 2:
        forget_sites()


class CachedSiteMiddleware:
    """Finds the Wagtail Site of a request in memory or the cache instead of the database.

    Wagtail reads ``request._wagtail_site`` before querying. The sites by host name are
    kept per sites version (``remembered``), which saving or deleting a Site raises
    (cms/apps.py); each request gets a copy of its own, so nothing Wagtail caches on it
    (the root page) outlives the request. Placed after CommonMiddleware, so only allowed
    host names reach it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        host = f"{request._get_raw_host()}:{request.get_port()}"
        key = f"sites-by-host:{counters.version(SITES_VERSION_KEY)}"
        sites = recall(key) or {}
        if host not in sites:
            sites = {**sites, host: Site._find_for_request(request)}
            if len(sites) < 100:
                keep(key, sites)
        site = sites[host]
        request._wagtail_site = copy.copy(site) if site is not None else None
        return self.get_response(request)
