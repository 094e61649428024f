"""View restrictions hold, although pages skip Wagtail's two restriction queries while
the site has none (cms/queries.py, decision 0020): adding, changing and removing one
takes effect at the next request, for the page, its descendants and its aliases."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page, PageViewRestriction

import pytest


@pytest.fixture
def alias(db):
    """An English page that is an alias of a German one, with a child of its own kind."""
    return Page.objects.filter(alias_of__isnull=False, numchild__gt=0).first()


def test_a_site_without_restrictions_serves_pages_without_restriction_queries(client, db):
    assert not PageViewRestriction.objects.exists()
    client.get("/praxisbeispiele/")  # the per-process values are warm
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/praxisbeispiele/?seite=2").status_code == 200
    assert not any("wagtailcore_pageviewrestriction" in q["sql"] for q in queries)


def test_a_new_restriction_holds_at_once_for_page_descendants_and_aliases(client, alias):
    source = alias.alias_of
    child = source.get_children().live().first()
    for page in (source, child, alias):
        assert client.get(page.url).status_code == 200  # served, and in the page cache
    restriction = PageViewRestriction.objects.create(
        page=source, restriction_type=PageViewRestriction.PASSWORD, password="geheim-123"
    )
    for page in (source, child, alias):
        response = client.get(page.url)
        assert response.status_code == 200
        assert 'name="password"' in response.text, page.url  # the password form, not the page
        assert response.get("X-Page-Cache") != "hit"
    restriction.delete()
    for page in (source, child, alias):
        response = client.get(page.url)
        assert 'name="password"' not in response.text, page.url


def test_a_login_restriction_sends_visitors_to_sign_in(client, home):
    page = home.get_children().get(slug="praxisbeispiele")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(page.url)
    assert response.status_code == 302
    assert "/konto/" in response["Location"]
