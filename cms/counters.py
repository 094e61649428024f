"""Versions and counters in the shared cache that never expire by accident.

Page-cache generations, the filter terms' version and other versions are kept in the
"shared" cache so that every server process agrees on them. Two traps made them come
back to an old value, and with it stale pages that editors had unpublished:

- Django's file and database caches implement ``incr()`` as get-and-set, and the set
  uses the cache's default timeout (300 s): a version raised once expired five minutes
  later. ``bump()`` makes the raised value permanent again (``touch(key, None)``).
- A version can still be lost (a cache cleared, the file cache culling entries, Redis
  evicting under memory pressure). A lost version starts again from the current time in
  milliseconds, never from 1, so it is greater than any value it had before and no
  entry stored under an old version is found again.

Rate-limit counters count within a fixed window that is part of their key, so an
``incr()`` that shortens or lengthens the entry's lifetime cannot shift the window.
When the shared cache does not answer (Redis down: django-redis returns None instead of
raising), they count in this process until it is back, so limits still hold per worker.
"""

import time
from collections import OrderedDict
from contextvars import ContextVar

from django.core.cache import caches

# Within a request every version is read once (VersionsPerRequestMiddleware): the
# request sees one consistent state, and a page that asks for the generation in ten
# places costs one round trip to Redis, not ten. Outside a request, every read goes to
# the cache.
_seen = ContextVar("zukunftshub_versions_seen", default=None)
# Versions nearly every page reads: fetched together, in one round trip (``preload``).
COMMON = []


def common(key):
    """Declare a version that nearly every page reads; returns the key."""
    if key not in COMMON:
        COMMON.append(key)
    return key


def _fresh():
    return time.time_ns() // 1_000_000


def version(key):
    """The current value of a version, created when missing (read once per request)."""
    seen = _seen.get()
    if seen is not None and key in seen:
        return seen[key]
    shared = caches["shared"]
    value = shared.get(key)
    if value is None:
        shared.add(key, _fresh(), timeout=None)
        value = shared.get(key)
    value = value if value is not None else _fresh()
    if seen is not None:
        seen[key] = value
    return value


def note(key, value):
    """A version read elsewhere in this request (e.g. with the page it guards)."""
    seen = _seen.get()
    if seen is not None and value is not None:
        seen[key] = value


def preload(keys):
    """Read these versions for this request, in one round trip."""
    seen = _seen.get()
    if seen is None:
        return
    missing = [key for key in keys if key not in seen]
    if missing:
        for key, value in (caches["shared"].get_many(missing) or {}).items():
            seen[key] = value


def bump(key):
    """Raise a version: everything stored under the old value is out of date."""
    shared = caches["shared"]
    try:
        shared.incr(key)
    except ValueError:
        shared.set(key, _fresh(), timeout=None)
    else:
        shared.touch(key, None)
    seen = _seen.get()
    if seen is not None:
        seen.pop(key, None)  # this request reads the new value


def changed(key):
    """Raise a version now and once more when the transaction commits: a request served
    in between still reads the old data, and would otherwise keep it under the new
    version."""
    from django.db import transaction

    bump(key)
    transaction.on_commit(lambda: bump(key))


class VersionsPerRequestMiddleware:
    """Every version is read once per request (see ``_seen``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _seen.set({})
        try:
            return self.get_response(request)
        finally:
            _seen.reset(token)


# Counters of this process while the shared cache does not answer, oldest first.
_local = OrderedDict()
LOCAL_MAX = 10_000


def _local_hit(bucket):
    _local[bucket] = _local.pop(bucket, 0) + 1
    while len(_local) > LOCAL_MAX:
        _local.popitem(last=False)
    return _local[bucket]


def hit(key, window):
    """Count one use of ``key`` in the current window of ``window`` seconds and
    return how many there have been in it, this one included."""
    shared = caches["shared"]
    now = time.time()
    start = int(now // window) * window
    remaining = max(1, int(start + window - now) + 1)
    bucket = f"{key}:{start}"
    added = shared.add(bucket, 1, timeout=remaining)
    if added:
        return 1
    if added is None:  # the cache did not answer
        return _local_hit(bucket)
    try:
        count = shared.incr(bucket)
    except ValueError:  # expired between add() and incr()
        shared.set(bucket, 1, timeout=remaining)
        return 1
    if count is None:
        return _local_hit(bucket)
    shared.touch(bucket, remaining)
    return count
