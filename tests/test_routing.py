"""Addresses lead to their pages without walking the page tree each time (cms/routing.py)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from cms import counters
from cms.cache import GENERATION_KEY
from cms.models import ContentPage


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


def _walks_the_tree(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return any('"slug" =' in query["sql"] for query in queries)


@pytest.mark.parametrize("url", ["/impressum/", "/en/impressum/", "/praxisbeispiele/"])
def test_the_second_visit_finds_the_page_without_walking_the_tree(client, db, url):
    assert _walks_the_tree(client, url)
    assert not _walks_the_tree(client, url)
    assert not _walks_the_tree(client, url + "?seite=1")


def test_sub_addresses_of_routable_pages_are_not_kept(client, db):
    """Visitors can type as many of them as they like (tokens in links among them)."""
    assert _walks_the_tree(client, "/veranstaltungen/archiv/")
    assert _walks_the_tree(client, "/veranstaltungen/archiv/")


def test_an_address_changed_on_another_server_leads_to_the_new_page(client, db):
    page = ContentPage.objects.get(slug="impressum", locale__language_code="de")
    assert client.get("/impressum/").status_code == 200
    # Another server publishes the page under a new slug: a new generation.
    page.slug = "impressum-neu"
    page.set_url_path(page.get_parent())
    ContentPage.objects.filter(pk=page.pk).update(slug=page.slug, url_path=page.url_path)
    counters.bump(GENERATION_KEY)
    assert client.get("/impressum/").status_code == 404
    assert "Impressum" in client.get("/impressum-neu/").text


def test_an_unpublished_page_is_gone_even_before_the_generation_changes(client, db):
    assert client.get("/impressum/").status_code == 200
    ContentPage.objects.filter(slug="impressum").update(live=False)
    assert client.get("/impressum/").status_code == 404


def test_a_site_saved_on_another_server_is_found_at_once(client, db):
    """Sites are kept per host name in memory and the cache, named by a version that
    saving a Site raises (here, as another server would: in the shared cache only)."""
    from wagtail.models import Site

    from cms.sites import SITES_VERSION_KEY

    site = Site.objects.get(is_default_site=True)
    assert "Impressum" in client.get("/impressum/").text
    Site.objects.filter(pk=site.pk).update(site_name="Zweiter Name")
    assert client.get("/impressum/").wsgi_request._wagtail_site.site_name != "Zweiter Name"
    counters.bump(SITES_VERSION_KEY)
    assert client.get("/impressum/").wsgi_request._wagtail_site.site_name == "Zweiter Name"
