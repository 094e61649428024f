"""Responses for one person: what the page cache, a CDN and browsers may keep of them."""

from django.utils.cache import patch_cache_control


def private(response, *, secret=False):
    """Mark a response that shows one person's data or state: neither the page cache nor
    a shared cache (CDN) keeps it, and browsers ask again before showing it again. With
    ``secret`` (a private link, a personal document, an export), browsers do not store it
    at all and search engines do not index it."""
    if secret:
        patch_cache_control(response, private=True, no_store=True)
        response["X-Robots-Tag"] = "noindex"
    else:
        patch_cache_control(response, private=True, no_cache=True)
    return response
