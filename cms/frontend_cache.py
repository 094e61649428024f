"""Purging a CDN in front of the site when a publish changes what it keeps.

Wagtail's frontend cache backends (``wagtail.contrib.frontend_cache``: a PURGE request to
Varnish or nginx, Cloudflare, CloudFront…) do the purging, as a background task; this
module decides which addresses a publish, unpublish or move changes: the page with its
routes (``get_cached_paths``) in every language, the listings, HUB pages and home pages
above it, pages that show the newest pages of the site (``shows_other_pages = True`` on
their class, e.g. a HUB page), every feed and the sitemap. Configured by environment
(``WAGTAILFRONTENDCACHE`` in the settings); without it nothing is sent.

What no purge reaches is kept by the CDN only briefly (``cms.cache``: filtered
addresses, pages that change without a publish, snippets and settings shown on every
page): see docs/decisions/0017-cdn.md.
"""

import threading

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import translation

from wagtail.models import Page, get_page_models

from .plugins import registry


class _UrlCache:
    """Lets Wagtail reuse the sites' root paths while the addresses are collected."""


def _page_urls(page, cache_object):
    url = page.get_full_url(cache_object)
    if not url:
        return []
    return [url + path.lstrip("/") for path in page.specific_deferred.get_cached_paths()]


def _showing_other_pages():
    models = [model for model in get_page_models() if getattr(model, "shows_other_pages", False)]
    return Page.objects.live().type(*models) if models else Page.objects.none()


def urls_for(page):
    """Every address whose content publishing or unpublishing ``page`` changes."""
    cache_object = _UrlCache()
    versions = list(Page.objects.filter(translation_key=page.translation_key, depth=page.depth))
    if page.pk not in {version.pk for version in versions}:
        versions.append(page)
    pages = {version.pk: version for version in versions}
    for version in versions:
        for ancestor in version.get_ancestors().filter(depth__gte=2):
            pages[ancestor.pk] = ancestor
    for other in _showing_other_pages():
        pages.setdefault(other.pk, other)
    urls = set()
    for each in pages.values():
        urls.update(_page_urls(each, cache_object))
    for site in {version.get_site() for version in versions} - {None}:
        root = site.root_url
        urls.add(root + reverse("sitemap"))
        for key in registry.feeds:
            urls.add(root + reverse("feed_rss", args=[key]))
            urls.add(root + reverse("feed_atom", args=[key]))
    return sorted(urls)


def purge_restricted(instance=None, **kwargs):
    """Signal receiver for view restrictions: the page, the pages below it and where
    they are listed are no longer (or again) public."""
    if not settings.WAGTAILFRONTENDCACHE or instance is None:
        return
    page = instance.page
    cache_object = _UrlCache()
    urls = set(urls_for(page))
    for below in page.get_descendants():
        urls.update(_page_urls(below, cache_object))
    _queue(urls)


def purge_old_addresses(instance=None, url_path_before=None, parent_page_before=None, **kwargs):
    """Signal receiver for a move or a new slug: the page and the pages below it are gone
    from their old addresses (a CDN would answer there until it expires), and the
    listings that showed them there change."""
    instance_before = kwargs.get("instance_before")
    if instance_before is not None:  # page_slug_changed
        url_path_before = instance_before.url_path
    if not settings.WAGTAILFRONTENDCACHE or instance is None or not url_path_before:
        return
    new = instance.url_path
    urls = set()
    for page in [instance, *instance.get_descendants().specific(defer=True)]:
        urls.update(_old_urls(page, url_path_before + page.url_path[len(new) :]))
    if parent_page_before is not None:
        urls.update(urls_for(parent_page_before))
    _queue(urls)


def _old_urls(page, url_path):
    """The addresses ``page`` had under its former tree path, in its language."""
    from wagtail.models import Site

    language = page.locale.language_code
    roots = [root for root in Site.get_site_root_paths() if url_path.startswith(root.root_path)]
    roots.sort(key=lambda root: root.language_code != language)
    if not roots:
        return []
    root = roots[0]
    with translation.override(language):
        base = root.root_url + reverse("wagtail_serve", args=(url_path[len(root.root_path) :],))
    return [base + path.lstrip("/") for path in page.specific_deferred.get_cached_paths()]


# Addresses to purge when the transaction commits: one publish also publishes its
# aliases (each a signal), and each address is purged once.
_pending = threading.local()


def purge_page(instance=None, **kwargs):
    """Signal receiver: purge what ``instance`` changes once the transaction commits."""
    if not settings.WAGTAILFRONTENDCACHE or instance is None:
        return
    _queue(urls_for(instance))


def _queue(urls):
    pending = getattr(_pending, "urls", None)
    if pending is None:
        pending = _pending.urls = set()
    pending.update(urls)
    transaction.on_commit(_purge_pending)


def _purge_pending():
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    urls, _pending.urls = getattr(_pending, "urls", None), None
    if urls:
        purge_urls_from_cache(sorted(urls))
