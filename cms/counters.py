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

from django.core.cache import caches


def _fresh():
    return time.time_ns() // 1_000_000


def version(key):
    """The current value of a version, created when missing."""
    shared = caches["shared"]
    value = shared.get(key)
    if value is None:
        shared.add(key, _fresh(), timeout=None)
        value = shared.get(key)
    return value if value is not None else _fresh()


def bump(key):
    """Raise a version: everything stored under the old value is out of date."""
    shared = caches["shared"]
    try:
        shared.incr(key)
    except ValueError:
        shared.set(key, _fresh(), timeout=None)
    else:
        shared.touch(key, None)


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
