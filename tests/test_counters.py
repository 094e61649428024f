"""What editors change stays changed, on every cache backend the project supports.

The page-cache generation, the filter terms' version and the rate-limit counters live
in the "shared" cache. Django's file and database caches write an incremented value
back with their default timeout (300 s), so a raised version used to expire five
minutes later and old pages came back. These tests move the clock, never sleep.
"""

import datetime
import os

from django.core.cache import caches
from django.core.management import call_command
from django.test import RequestFactory

import pytest
import time_machine

from cms import counters, ratelimit
from cms.cache import GENERATION_KEY
from hub.models import NewsPage, Region, StoryIndexPage

START = datetime.datetime(2026, 12, 1, 9, 0, tzinfo=datetime.UTC)
PAST_DEFAULT_TIMEOUT = 420  # > Django's default of 300 s, < the page cache's 600 s

BACKENDS = {
    "local memory": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "counters",
    },
    "file": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache"},
    "database": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "zh_counters_cache",
    },
}
if os.environ.get("REDIS_URL"):
    BACKENDS["redis"] = {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": os.environ["REDIS_URL"],
        "KEY_PREFIX": "zh-counters-test",
    }


@pytest.fixture(params=list(BACKENDS))
def shared_backend(request, settings, tmp_path, db):
    config = dict(BACKENDS[request.param])
    if request.param == "file":
        config["LOCATION"] = str(tmp_path / "cache")
    settings.CACHES = {**settings.CACHES, "shared": config}
    if request.param == "database":
        call_command("createcachetable", "zh_counters_cache")
    caches["shared"].clear()
    yield request.param
    caches["shared"].clear()


def _moves_clock(backend):
    """Redis keeps time on its server: there the entries' lifetimes are checked instead."""
    return backend != "redis"


def test_an_unpublished_page_stays_gone(client, shared_backend):
    with time_machine.travel(START, tick=False) as clock:
        news = NewsPage.objects.live().filter(locale__language_code="de").first()
        assert client.get(news.url).status_code == 200
        assert client.get(news.url)["X-Page-Cache"] == "hit"
        news.unpublish()
        assert client.get(news.url).status_code == 404
        clock.shift(PAST_DEFAULT_TIMEOUT)
        assert client.get(news.url).status_code == 404
        if not _moves_clock(shared_backend):
            assert caches["shared"].ttl(GENERATION_KEY) is None  # never expires


def test_a_changed_listing_stays_changed(client, shared_backend):
    with time_machine.travel(START, tick=False) as clock:
        listing = StoryIndexPage.objects.live().filter(locale__language_code="de").first()
        region = Region.objects.get(slug="ruhrgebiet")
        assert region.name in client.get(listing.url).text
        region.name = "Metropole Ruhr"
        region.save()
        assert "Metropole Ruhr" in client.get(listing.url).text
        clock.shift(PAST_DEFAULT_TIMEOUT)
        assert "Metropole Ruhr" in client.get(listing.url).text
        clock.shift(3 * 3600)
        assert "Metropole Ruhr" in client.get(listing.url).text


def test_a_rate_limit_keeps_its_window(shared_backend):
    request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.7")
    with time_machine.travel(START, tick=False) as clock:
        allowed = [ratelimit.allow(request, "try", limit=3, window=3600) for _ in range(4)]
        assert allowed == [True, True, True, False]
        clock.shift(PAST_DEFAULT_TIMEOUT)
        assert ratelimit.allow(request, "try", limit=3, window=3600) is False
        clock.shift(1800)
        assert ratelimit.allow(request, "try", limit=3, window=3600) is False
        clock.shift(3600)
        assert ratelimit.allow(request, "try", limit=3, window=3600) is True


def test_a_lost_version_never_returns_to_an_old_value(shared_backend):
    """A cache cleared or culled: the version starts again above every earlier value."""
    with time_machine.travel(START, tick=False) as clock:
        before = counters.version("some-version")
        counters.bump("some-version")
        raised = counters.version("some-version")
        assert raised == before + 1
        caches["shared"].delete("some-version")
        clock.shift(1)
        assert counters.version("some-version") > raised


def test_a_request_reads_each_version_once_and_its_own_bumps_at_once():
    """One consistent state per request (and one round trip per version), except for
    what the request itself changes."""
    from django.http import HttpResponse

    seen = {}

    def view(request):
        seen["first"] = counters.version("test-version")
        caches["shared"].incr("test-version", 5)  # another server, meanwhile
        seen["again"] = counters.version("test-version")
        counters.bump("test-version")  # this request publishes
        seen["after_bump"] = counters.version("test-version")
        return HttpResponse()

    counters.VersionsPerRequestMiddleware(view)(RequestFactory().get("/"))
    assert seen["again"] == seen["first"]
    assert seen["after_bump"] == seen["first"] + 6
    assert counters.version("test-version") == seen["first"] + 6  # outside a request


def test_remembered_values_leave_this_process_memory_after_their_time(monkeypatch):
    """A value named by its versions is kept in memory, but never longer than its
    timeout or MEMORY_SECONDS: what it shows may change with the clock (today's events)."""
    import types

    from cms import cache

    now = [1000.0]
    monkeypatch.setattr(cache, "time", types.SimpleNamespace(monotonic=lambda: now[0]))
    built = []

    def build():
        built.append(len(built) + 1)
        return built[-1]

    assert cache.remembered("test-remembered", build, timeout=60) == 1
    caches["default"].delete("test-remembered")
    assert cache.remembered("test-remembered", build, timeout=60) == 1  # from memory
    now[0] += 61
    assert cache.remembered("test-remembered", build, timeout=60) == 2
    assert cache.remembered("test-long", build, timeout=3600) == 3
    caches["default"].delete("test-long")
    now[0] += cache.MEMORY_SECONDS - 1
    assert cache.remembered("test-long", build, timeout=3600) == 3
    now[0] += 2
    assert cache.remembered("test-long", build, timeout=3600) == 4
