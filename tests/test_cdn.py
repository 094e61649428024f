"""A CDN in front: what it may keep (Cache-Control) and what a publish purges."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from cms import frontend_cache
from hub.models import StoryPage

PURGE = "wagtail.contrib.frontend_cache.backends.HTTPBackend"


def test_anonymous_pages_may_be_kept_by_a_shared_cache(client, db):
    page = client.get("/praxisbeispiele/")
    assert page["Cache-Control"] == "public, max-age=0, s-maxage=300"
    assert "Cookie" in page["Vary"]
    again = client.get("/praxisbeispiele/")
    assert again["X-Page-Cache"] == "hit" and again["Cache-Control"] == page["Cache-Control"]
    assert "Cookie" in again["Vary"]
    # No purge reaches every filtered address: kept briefly.
    filtered = client.get("/praxisbeispiele/", {"seite": "2"})
    assert filtered["Cache-Control"] == "public, max-age=0, s-maxage=60"


def test_personal_and_changing_pages_are_kept_briefly_or_not_at_all(client, db, django_user_model):
    from tests.hub.test_events import new_event

    event = new_event()
    assert client.get(event.url)["Cache-Control"] == "public, max-age=0, s-maxage=10"
    assert "s-maxage" not in client.get("/konto/anmelden/").get("Cache-Control", "")
    assert "s-maxage" not in client.get("/admin/login/").get("Cache-Control", "")
    # Errors are not stored anywhere; with a session, no page is shared.
    assert client.get("/gibt-es-nicht/")["Cache-Control"] == "no-store"
    client.force_login(django_user_model.objects.get(username="redaktion"))
    assert client.get(event.url)["Cache-Control"] == "private"
    assert client.get("/praxisbeispiele/")["Cache-Control"] == "private"


@pytest.fixture
def purge_server(settings):
    """A local HTTP server as the CDN's purge endpoint; yields the requests it got."""
    got = []

    class Handler(BaseHTTPRequestHandler):
        def do_PURGE(self):  # the HTTP method's name
            got.append((self.headers["Host"], self.path))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "http": {"BACKEND": PURGE, "LOCATION": f"http://127.0.0.1:{server.server_port}"}
    }
    frontend_cache._pending.urls = None
    yield got
    server.shutdown()
    server.server_close()


def test_publishing_a_story_purges_every_address_that_shows_it(
    db, settings, purge_server, django_capture_on_commit_callbacks
):
    story = StoryPage.objects.get(slug="beispiel-01", locale__language_code="de")
    story.title = "Neu erzählt"
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()
    hosts = {host for host, _path in purge_server}
    assert hosts == {story.get_site().hostname}
    purged = {path for _host, path in purge_server}
    expected = {
        "/praxisbeispiele/beispiel-01/",  # the story
        "/en/praxisbeispiele/beispiel-01/",  # in English
        "/praxisbeispiele/",  # its listing
        "/en/praxisbeispiele/",
        "/",  # home page teasers and key figures
        "/en/",
        "/zukunfts-hubs/ruhr/",  # HUB pages show their region's newest stories
        "/zukunfts-hubs/kreis-kleve/",
        "/sitemap.xml",
        "/feeds/praxisbeispiele/rss/",
        "/feeds/praxisbeispiele/atom/",
    }
    assert expected <= purged
    assert "/impressum/" not in purged and "/veranstaltungen/" not in purged
    assert len(purge_server) == len(set(purge_server))

    # Unpublishing purges the same addresses; without a configured CDN nothing is sent.
    purge_server.clear()
    with django_capture_on_commit_callbacks(execute=True):
        story.unpublish()
    assert ("localhost", "/praxisbeispiele/beispiel-01/") in purge_server
    purge_server.clear()
    settings.WAGTAILFRONTENDCACHE = {}
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()
    assert purge_server == []


def test_restricting_a_page_purges_it_and_its_pages(
    db, settings, purge_server, django_capture_on_commit_callbacks
):
    from wagtail.models import PageViewRestriction

    story = StoryPage.objects.get(slug="beispiel-01", locale__language_code="de")
    listing = story.get_parent()
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=listing, restriction_type=PageViewRestriction.LOGIN)
    purged = {path for _host, path in purge_server}
    assert {"/praxisbeispiele/", "/praxisbeispiele/beispiel-01/", "/", "/sitemap.xml"} <= purged


def test_a_new_slug_or_a_move_purges_the_old_addresses(
    db, purge_server, django_capture_on_commit_callbacks
):
    from wagtail.models import Page

    story = StoryPage.objects.get(slug="beispiel-01", locale__language_code="de")
    story.slug = "beispiel-eins"
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()
    purged = {path for _host, path in purge_server}
    assert {"/praxisbeispiele/beispiel-eins/", "/praxisbeispiele/beispiel-01/"} <= purged

    # A section moved below another page: its old and new addresses, the old ones of the
    # pages below it (their new ones were never kept), and the pages that list it at
    # either place.
    purge_server.clear()
    section = Page.objects.get(slug="barrierefreiheit", locale__language_code="de")
    below = section.get_children().first()
    target = Page.objects.get(slug="impressum", locale__language_code="de")
    with django_capture_on_commit_callbacks(execute=True):
        section.move(target, pos="last-child")
    purged = {path for _host, path in purge_server}
    assert {
        "/barrierefreiheit/",
        f"/barrierefreiheit/{below.slug}/",
        "/impressum/barrierefreiheit/",
        "/impressum/",
        "/",
    } <= purged
