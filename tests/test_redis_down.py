"""Redis down: with REDIS_URL set and nothing answering there, every page still answers
(the caches fail open), rate limits keep counting in the process, /healthz/ says 503;
when Redis comes back the site uses it again without a restart."""

import shutil
import socket
import subprocess
import time

from django.contrib.auth import get_user_model
from django.core.cache import caches

import pytest

from cms import counters
from cms.settings.caching import redis_caches

ORIGIN = {"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_ORIGIN": "http://testserver"}
NOWHERE = "redis://127.0.0.1:9/0"  # the discard port: nothing listens there


def _use(settings, url):
    settings.CACHES = redis_caches(url)  # as cms/settings/caching.py sets them for REDIS_URL


def _close():
    for alias in ("default", "shared"):
        caches[alias].close()


@pytest.fixture
def redis_down(settings):
    _use(settings, NOWHERE)
    yield
    _close()


@pytest.mark.django_db
def test_every_page_answers_without_redis(client, redis_down):
    from hub.models import EventPage

    event = EventPage.objects.live().filter(locale__language_code="de").first()
    for path in (
        "/",
        "/praxisbeispiele/",
        "/angebote/",
        "/suche/?q=Tandem",
        "/werkzeugkasten/quickcheck/",
        "/werkzeugkasten/quickcheck/fragen/?perspektive=unternehmen",
        event.url,
        "/konto/anmelden/",
        "/sitemap.xml",
    ):
        assert client.get(path).status_code == 200, path
    health = client.get("/healthz/")
    assert health.status_code == 503
    assert health.json()["checks"]["cache"] == "unavailable"
    assert health.json()["checks"]["database"] == "ok"


@pytest.mark.django_db
def test_editors_and_learners_sign_in_without_redis(client, redis_down):
    client.post("/admin/login/", {"username": "redaktion", "password": "zukunft-demo"})
    assert client.get("/admin/").status_code == 200
    learner = get_user_model().objects.get(email="lernende@zukunftshub.example")
    other = client.__class__()
    response = other.post("/konto/anmelden/", {"login": learner.email, "password": "zukunft-demo"})
    assert response.status_code == 302


@pytest.mark.django_db
def test_rate_limits_count_in_the_process_without_redis(redis_down):
    counters._local.clear()
    counts = [counters.hit("test:redis-down", 600) for _ in range(3)]
    assert counts == [1, 2, 3]


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _start_redis(port, tmp_path):
    server = subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(tmp_path),
        ],
        stdout=subprocess.DEVNULL,
    )
    for _ in range(50):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return server
        time.sleep(0.1)
    raise AssertionError("redis-server did not start")


@pytest.mark.skipif(not shutil.which("redis-server"), reason="needs Debian's redis-server")
@pytest.mark.django_db
def test_the_site_uses_redis_again_when_it_comes_back(client, settings, tmp_path):
    port = _free_port()
    _use(settings, f"redis://127.0.0.1:{port}/0")
    server = _start_redis(port, tmp_path)
    try:
        assert client.get("/healthz/").status_code == 200
        server.terminate()
        server.wait(5)
        assert client.get("/healthz/").status_code == 503
        assert client.get("/praxisbeispiele/").status_code == 200
        server = _start_redis(port, tmp_path)
        assert client.get("/healthz/").status_code == 200  # same process, no restart
        client.get("/")
        assert client.get("/")["X-Page-Cache"] == "hit"  # the page cache works again
    finally:
        server.terminate()
        server.wait(5)
        _close()
