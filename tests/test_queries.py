"""Query counts per page stay flat, whatever the number of pages (cache off)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from cms.models import ContentPage
from home.models import ProgrammePage


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


def _grow(home, count):
    section = home.get_children().get(slug="projekte").specific
    image = ProgrammePage.objects.get(slug="mentoring-4-0", locale__language_code="de").image
    for n in range(count):
        page = ContentPage(
            title=f"Seite {n} Wachstum",
            slug=f"wachstum-{n}-{ContentPage.objects.count()}",
            intro="Wachstum",
            show_in_menus=True,
        )
        home.add_child(instance=page)
        page.save_revision().publish()
        project = ProgrammePage(
            title=f"Projekt {n} Wachstum",
            slug=f"projekt-{n}-{ProgrammePage.objects.count()}",
            intro="Wachstum",
            image=image,
        )
        section.add_child(instance=project)
        project.save_revision().publish()


def _count(client, url):
    client.get(url)  # warm the per-process caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


URLS = [
    "/",
    "/impressum/",
    "/projekte/mentoring-4-0/",
    "/barrierefreiheit/feedback/",
    "/suche/?q=Wachstum",
    "/en/impressum/",
]


@pytest.mark.parametrize("url", URLS)
def test_query_count_does_not_grow_with_the_number_of_pages(client, home, url):
    _grow(home, 2)
    few = _count(client, url)
    _grow(home, 12)
    many = _count(client, url)
    assert many == few, f"{url}: {few} queries with few pages, {many} with many"
    assert many <= 20, f"{url}: {many} queries"


@pytest.mark.parametrize("url", URLS)
def test_first_request_after_a_publish_stays_within_20_queries(client, home, url):
    """A publish empties the block, menu and settings caches: the first rendering
    after it is the expensive one, and it still needs at most 20 queries."""
    from cms.cache import invalidate

    _grow(home, 3)
    client.get(url)
    invalidate()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    assert len(queries) <= 20, f"{url}: {len(queries)} queries after a publish"
