"""A small fixed-window rate limit in the shared cache.

django-ratelimit refuses the local-memory and file caches we run on by default,
so forms use this instead: a counter per visitor (a hash of the address, never
the address itself) and action.
"""

import hashlib

from django.conf import settings

from . import counters


def client_address(request):
    """The visitor's address; behind NUM_PROXIES reverse proxies, the one the
    outermost trusted proxy saw (X-Forwarded-For is not trusted beyond that)."""
    hops = settings.NUM_PROXIES
    forwarded = request.headers.get("x-forwarded-for", "")
    if hops and forwarded:
        addresses = [a.strip() for a in forwarded.split(",") if a.strip()]
        if addresses:
            return addresses[-min(hops, len(addresses))]
    return request.META.get("REMOTE_ADDR", "")


def _visitor(request):
    address = client_address(request)
    return hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:24]


def allow(request, action, limit=None, window=None):
    """Count one use of ``action`` by this visitor; False once the limit is passed."""
    default_limit, default_window = settings.FORM_RATE_LIMIT
    limit = limit or default_limit
    window = window or default_window
    return counters.hit(f"ratelimit:{action}:{_visitor(request)}", window) <= limit
