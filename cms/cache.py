"""The anonymous page cache.

Anonymous visitors without a session or CSRF cookie get rendered pages from the
cache; every response that could differ per person (a logged-in user, a form
after submission, anything setting a cookie or marked private) is neither served
from nor stored in it. All keys carry a generation number kept in the shared cache;
publishing, unpublishing, moving or deleting a page, or saving a snippet or site
setting, starts a new generation, so no stale page survives an edit.

A page that shows something which changes without a publish (an event's free places)
names the versions it depends on (``depend_on``); a stored copy is used only while they
are unchanged, and the code that changes the thing calls ``changed(key)``.
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers

from . import counters

logger = logging.getLogger(__name__)

GENERATION_KEY = "page-cache-generation"
CACHEABLE_TYPES = (
    "text/html",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "text/plain",
    "text/calendar",
)


def current_generation():
    return counters.version(GENERATION_KEY)


def generation_for(request):
    """The current generation, read once per request."""
    if request is None:
        return current_generation()
    value = getattr(request, "_zh_generation", None)
    if value is None:
        value = request._zh_generation = current_generation()
    return value


def changed(key):
    """Something a cached page shows changed without a publish (e.g. an event's free
    places): pages that ``depend_on(key)`` are rendered again. Bumped at once and on
    commit, like the generation."""
    counters.bump(key)
    transaction.on_commit(lambda: counters.bump(key))


def versions(*keys):
    """The current values of these versions: read them before reading what they guard."""
    return {key: counters.version(key) for key in keys}


def depend_on(response, seen, until=None):
    """Keep ``response`` in the page cache only while the versions ``seen`` (from
    ``versions()``, read before the page was rendered) are unchanged (see ``changed``)
    and, if given, not beyond the moment ``until`` (a state that changes with the
    clock, such as registration opening)."""
    response._zh_depends = {**getattr(response, "_zh_depends", {}), **seen}
    if until is not None:
        current = getattr(response, "_zh_until", None)
        response._zh_until = until if current is None else min(current, until)
    return response


def invalidate(**kwargs):
    """Start a new generation: every cached page is out of date from now on.

    Once now and once more when the transaction commits: a request served between a
    publish and its commit still reads the old content, and would otherwise store it
    under the new generation."""
    counters.bump(GENERATION_KEY)
    transaction.on_commit(lambda: counters.bump(GENERATION_KEY))


# Saving only these fields changes nothing the public sees (a draft, a lock, a revision).
EDITORIAL_FIELDS = frozenset(
    {
        "latest_revision",
        "has_unpublished_changes",
        "locked",
        "locked_at",
        "locked_by",
        "live_revision",
        "draft_title",
        "go_live_at",
        "expire_at",
    }
)


def affects_public(update_fields):
    """Whether a save with these ``update_fields`` can change a public page."""
    return not update_fields or not set(update_fields) <= EDITORIAL_FIELDS


def _key(request, generation):
    raw = f"{request.get_host()}|{request.get_full_path()}"
    # "v2": entries with their versions; processes of an older release, still running
    # during a rolling restart, read and write their own format under "page:" alone.
    return f"page:v2:{generation}:{hashlib.sha1(raw.encode()).hexdigest()}"


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def _applies(self, request):
        if settings.PAGE_CACHE_SECONDS <= 0 or request.method not in ("GET", "HEAD"):
            return False
        cookies = request.COOKIES
        if settings.SESSION_COOKIE_NAME in cookies or settings.CSRF_COOKIE_NAME in cookies:
            return False
        path = request.path_info
        return not any(path.startswith(prefix) for prefix in settings.PAGE_CACHE_EXCLUDED_PREFIXES)

    def __call__(self, request):
        if not self._applies(request):
            return self._not_shared(request, self.get_response(request))
        cache = caches["default"]
        key = _key(request, generation_for(request))
        stored = cache.get(key)
        if stored is not None and (len(stored) != 4 or versions(*stored[3]) != stored[3]):
            stored = None  # what it shows changed since it was stored (or an old format)
        if stored is not None:
            status, headers, content, _depends = stored
            response = HttpResponse(content if request.method == "GET" else b"", status=status)
            for name, value in headers:
                response.headers[name] = value
            response.headers["X-Page-Cache"] = "hit"
            patch_vary_headers(response, ["Cookie"])
            return response
        response = self.get_response(request)
        timeout = self._timeout(response)
        if timeout:
            depends = getattr(response, "_zh_depends", {})
            self._let_shared_caches_keep(request, response, timeout, depends)
            headers = [
                (name, value) for name, value in response.headers.items() if name.lower() != "vary"
            ]
            cache.set(key, (response.status_code, headers, response.content, depends), timeout)
            response.headers["X-Page-Cache"] = "miss"
            return response
        return self._not_shared(request, response)

    @staticmethod
    def _not_shared(request, response):
        """What the page cache does not keep, no shared cache keeps either, whatever a
        CDN's rules say: errors are not stored, pages for someone with a session are
        private. Responses that say something themselves keep it."""
        if response.has_header("Cache-Control"):
            return response
        cookies = request.COOKIES
        if response.status_code >= 400:
            patch_cache_control(response, no_store=True)
        elif settings.SESSION_COOKIE_NAME in cookies or settings.CSRF_COOKIE_NAME in cookies:
            patch_cache_control(response, private=True)
        return response

    @staticmethod
    def _let_shared_caches_keep(request, response, timeout, depends):
        """A CDN may keep the page a while (a publish purges it, cms/frontend_cache.py),
        less where no purge reaches: filtered addresses, places that change; browsers
        ask again every time. Requests with a session cookie must pass the CDN by."""
        shared = min(settings.SHARED_CACHE_SECONDS, timeout)
        if request.META.get("QUERY_STRING"):
            shared = min(shared, settings.SHARED_CACHE_SECONDS_QUERY)
        if depends:
            shared = min(shared, settings.SHARED_CACHE_SECONDS_CHANGING)
        patch_cache_control(response, public=True, max_age=0, s_maxage=shared)
        patch_vary_headers(response, ["Cookie"])

    @classmethod
    def _timeout(cls, response):
        """Seconds to keep ``response``, 0 if it must not be stored."""
        if not cls._storable(response):
            return 0
        timeout = settings.PAGE_CACHE_SECONDS
        if getattr(response, "_zh_depends", None):
            # A version bump lost in a cache outage must not keep such a page for long.
            timeout = min(timeout, settings.PAGE_CACHE_SECONDS_DEPENDENT)
        until = getattr(response, "_zh_until", None)
        if until is not None:
            timeout = min(timeout, int((until - timezone.now()).total_seconds()))
        return max(timeout, 0)

    @staticmethod
    def _storable(response):
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        if not response.get("Content-Type", "").startswith(CACHEABLE_TYPES):
            return False
        cache_control = response.get("Cache-Control", "").lower()
        return not any(word in cache_control for word in ("private", "no-cache", "no-store"))


SITES_KEY = "sites-by-host"


def forget_sites(**kwargs):
    caches["shared"].delete(SITES_KEY)


def forget_sites_for_root(instance=None, **kwargs):
    """A published home page (depth 2) may be a site's root: its cached copy goes."""
    if instance is not None and instance.depth <= 2:
        forget_sites()


class CachedSiteMiddleware:
    """Finds the Wagtail Site of a request in the shared cache instead of the database.

    Wagtail reads ``request._wagtail_site`` before querying. Saving or deleting a Site
    empties the entry for every process (cms/apps.py). Placed after CommonMiddleware,
    so only allowed host names reach it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from wagtail.models import Site

        shared = caches["shared"]
        host = f"{request._get_raw_host()}:{request.get_port()}"
        sites = shared.get(SITES_KEY) or {}
        if host not in sites:
            sites[host] = Site._find_for_request(request)
            if len(sites) < 100:
                shared.set(SITES_KEY, sites, 3600)
        request._wagtail_site = sites[host]
        return self.get_response(request)
