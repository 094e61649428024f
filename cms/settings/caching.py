"""Caches, the anonymous page cache and a CDN in front (docs/decisions/0013, 0017, 0019)."""

import os

from .env import VAR_DIR, env_list  # noqa: F401

# Caches. "default" holds rendered pages and Wagtail's own caches; "shared" holds
# what every server process must agree on (the page-cache generation, rate-limit
# counters). Without Redis, "shared" is a file cache so that the gunicorn workers
# of one machine see the same values.
REDIS_URL = os.environ.get("REDIS_URL", "")
# With Redis down every page still answers: the caches fail open (a read finds nothing,
# a write is dropped, within a second), rate limits count per process meanwhile
# (cms/counters.py), /healthz/ says 503, and redis-py reconnects by itself.
REDIS_OPTIONS = {
    "IGNORE_EXCEPTIONS": True,
    "SOCKET_CONNECT_TIMEOUT": 1,
    "SOCKET_TIMEOUT": 1,
}
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True


def redis_caches(url):
    return {
        "default": {
            "BACKEND": "cms.redis_cache.FailOpenRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "zh",
            "OPTIONS": REDIS_OPTIONS,
        },
        "shared": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "zh-shared",
            "OPTIONS": REDIS_OPTIONS,
        },
    }


if REDIS_URL:
    CACHES = redis_caches(REDIS_URL)
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
        "shared": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
        },
    }

# Anonymous page cache (cms/cache.py): seconds a rendered page is kept; 0 turns it off.
PAGE_CACHE_SECONDS = int(os.environ.get("ZUKUNFTSHUB_PAGE_CACHE_SECONDS", "600"))
PAGE_CACHE_EXCLUDED_PREFIXES = ["/admin/", "/django-admin/", "/documents/", "/static/", "/media/"]

# A CDN or caching proxy in front (docs/decisions/0017-cdn.md): the seconds it may keep an
# anonymous page (Cache-Control: s-maxage), shorter for addresses with a query (filters,
# search) and for pages that change without a publish (an event's places), which no
# purge reaches. Browsers always ask again (max-age=0).
SHARED_CACHE_SECONDS = int(os.environ.get("ZUKUNFTSHUB_SHARED_CACHE_SECONDS", "300"))
SHARED_CACHE_SECONDS_QUERY = 60
SHARED_CACHE_SECONDS_CHANGING = 10
# Our own page cache keeps such pages at most this long (in case a version bump was lost).
PAGE_CACHE_SECONDS_DEPENDENT = 120
# Publishing purges what changed from the CDN, through wagtail.contrib.frontend_cache's
# backends: ZUKUNFTSHUB_PURGE_URL for Varnish/nginx-style PURGE requests, or Cloudflare.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("ZUKUNFTSHUB_PURGE_URL"):
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["ZUKUNFTSHUB_PURGE_URL"],
    }
if os.environ.get("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": os.environ["CLOUDFLARE_ZONE_ID"],
        "BEARER_TOKEN": os.environ.get("CLOUDFLARE_BEARER_TOKEN", ""),
    }
# Every language version is its own page with its own address (cms/frontend_cache.py).
WAGTAILFRONTENDCACHE_LANGUAGES = []
