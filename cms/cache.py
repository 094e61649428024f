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
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers

from django_redis.cache import RedisCache
from redis.exceptions import RedisError

from . import counters
from .redis_cache import mget, version_name

logger = logging.getLogger(__name__)

GENERATION_KEY = counters.common("page-cache-generation")
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
    counters.changed(key)


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
    counters.changed(GENERATION_KEY)


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


# Values that never change under their key, because the key names every version they
# were built from (menus, settings, filter matrices and cards per generation): kept in
# this process's memory in front of the cache, so that a page the page cache does not
# hold is built with few round trips to Redis. Each for its timeout, at most
# MEMORY_SECONDS (what a value shows may still change with the clock: the events of
# today), and at most MEMORY_MAX of them, the oldest out first.
_memory = OrderedDict()
MEMORY_MAX = 1000
MEMORY_SECONDS = 300


def kept(name, *parts, build, request=None, versions=(), generation=True, **options):
    """``remembered`` under a key made of ``name``, ``parts``, the cache generation
    (unless ``generation=False``) and the current value of each of ``versions``: the
    one way to name a value by what it was built from. ``options``: ``timeout``,
    ``memory``."""
    named = [name, *parts]
    if generation:
        named.append(generation_for(request))
    named += [counters.version(version) for version in versions]
    return remembered(":".join(str(part) for part in named), build, **options)


def remembered(key, build, timeout=3600, memory=True):
    """The value under ``key``: from this process's memory, from the cache, or built
    (and kept in both; with ``memory=False`` in the cache only, for values with keys
    that visitors can multiply). Only for keys that name every version the value
    depends on; callers must not change what they get."""
    value = recall(key, timeout)
    if value is None:
        value = build()
        keep(key, value, timeout, memory)
    return value


def _from_memory(key):
    """The value kept in this process's memory under ``key`` and not yet expired, or None."""
    entry = _memory.get(key)
    if entry is None:
        return None
    if entry[0] <= time.monotonic():
        del _memory[key]
        return None
    _memory.move_to_end(key)
    return entry[1]


def recall(key, timeout=MEMORY_SECONDS):
    """What ``keep`` stored under ``key`` (this process's memory, then the cache), or None;
    a value from the cache stays in memory for ``timeout`` (at most MEMORY_SECONDS)."""
    value = _from_memory(key)
    if value is not None:
        return value
    value = caches["default"].get(key)
    if value is not None:
        _remember_value(key, value, timeout)
    return value


def keep(key, value, timeout=3600, memory=True):
    """Store a value that never changes under its key (see ``remembered``)."""
    caches["default"].set(key, value, timeout)
    if memory:
        _remember_value(key, value, timeout)


def remembered_many(keys, build, timeout=3600):
    """``remembered`` for several keys at once: ``build(missing keys)`` returns a dict
    of the values it could build."""
    found = {key: value for key in keys if (value := _from_memory(key)) is not None}
    missing = [key for key in keys if key not in found]
    if missing:
        stored = caches["default"].get_many(missing) or {}
        for key, value in stored.items():
            _remember_value(key, value, timeout)
        found.update(stored)
        missing = [key for key in missing if key not in stored]
    if missing:
        fresh = build(missing)
        caches["default"].set_many(fresh, timeout)
        for key, value in fresh.items():
            _remember_value(key, value, timeout)
        found.update(fresh)
    return found


def _remember_value(key, value, timeout):
    _memory[key] = (time.monotonic() + min(timeout, MEMORY_SECONDS), value)
    _memory.move_to_end(key)
    while len(_memory) > MEMORY_MAX:
        _memory.popitem(last=False)


def forget_memory():
    """Empty this process's memory (tests, after clearing the caches)."""
    _memory.clear()
    _depends_hint.clear()


def _key(request):
    raw = f"{request.get_host()}|{request.get_full_path()}"
    # "v3": one entry per address, holding the generation and versions it was rendered
    # under; processes of an older release, still running during a rolling restart,
    # read and write their own formats under "page:" and "page:v2:".
    return f"page:v3:{hashlib.sha1(raw.encode()).hexdigest()}"


def _read(key, version_keys):
    """The stored page and the versions it is checked against: ``(entry, {version key:
    value})``, the versions only where found. Where the page cache and the versions
    live in the same Redis, that is one round trip (MGET) instead of one per key: on a
    cache hit, the round trips are most of the work."""
    default, shared = caches["default"], caches["shared"]
    if (
        isinstance(default, RedisCache)
        and isinstance(shared, RedisCache)
        and default._server == shared._server
    ):
        names = [default.client.make_key(key)]
        names += [version_name(shared, name) for name in version_keys]
        try:
            raw = mget(default.client.get_client(write=False), names)
        except (RedisError, OSError):
            return None, {}  # Redis does not answer: render the page (fail open)
        entry = default.client.decode(raw[0]) if raw[0] is not None else None
        found = {
            name: shared.client.decode(value)
            for name, value in zip(version_keys, raw[1:], strict=True)
            if value is not None
        }
        return entry, found
    return default.get(key), {}


# Per address, the versions its stored page depended on last time, so that the next
# read fetches them together with the page (an event page's places).
_depends_hint = {}
HINTS_MAX = 10_000


def _remember(key, depends):
    if tuple(depends) != _depends_hint.get(key, ()):
        if len(_depends_hint) >= HINTS_MAX:
            _depends_hint.clear()
        _depends_hint[key] = tuple(depends)


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
            counters.preload(counters.COMMON)
            return self._not_shared(request, self.get_response(request))
        cache = caches["default"]
        key = _key(request)
        stored, seen = _read(key, (*counters.COMMON, *_depends_hint.get(key, ())))
        for name, value in seen.items():
            counters.note(name, value)
        # Read before rendering: a publish meanwhile makes what is stored now outdated.
        generation = seen.get(GENERATION_KEY)
        if generation is None:
            generation = current_generation()
        request._zh_generation = generation
        if stored is not None and self._fresh(key, stored, generation, seen):
            _generation, status, headers, content, _depends = stored
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
            entry = (generation, response.status_code, headers, response.content, depends)
            cache.set(key, entry, timeout)
            _remember(key, depends)
            response.headers["X-Page-Cache"] = "miss"
            return response
        return self._not_shared(request, response)

    @staticmethod
    def _fresh(key, stored, generation, seen):
        """Whether a stored entry still shows what a rendering now would: the same
        generation, and every version it depends on unchanged."""
        if len(stored) != 5 or stored[0] != generation:
            return False
        depends = stored[4]
        missing = [name for name in depends if name not in seen]
        if missing:
            _remember(key, depends)
            seen = {**seen, **versions(*missing)}
        return all(seen[name] == value for name, value in depends.items())

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
