"""Site search at /suche/: results, type facets, pagination, empty states."""

from cms.models import ContentPage


def _pages(parent, count, word="Testlauftext"):
    for n in range(count):
        page = ContentPage(
            title=f"{word} {n:02d}", slug=f"{word.lower()}-{n}", intro=f"Über {word} im Betrieb."
        )
        parent.add_child(instance=page)
        page.save_revision().publish()


def test_search_finds_pages_of_every_type_with_facets(client, db):
    response = client.get("/suche/", {"q": "Mentoring"})
    assert response.status_code == 200
    text = response.text
    assert "Mentoring 4.0" in text
    assert "Nach Art filtern" in text
    assert 'Projekte <span class="count">(1)</span>' in text


def test_a_facet_narrows_the_results(client, home):
    _pages(home, 2, word="Lotsenarbeit")
    all_results = client.get("/suche/", {"q": "Lotsenarbeit"}).text
    assert "2 Ergebnisse für „Lotsenarbeit“" in all_results
    only_projects = client.get("/suche/", {"q": "Lotsenarbeit", "typ": "projekte"}).text
    assert "0 Ergebnisse" in only_projects
    assert "In allen Inhaltsarten suchen" in only_projects
    only_pages = client.get("/suche/", {"q": "Lotsenarbeit", "typ": "pages"}).text
    assert "Lotsenarbeit 01" in only_pages
    assert '<span aria-current="true">Seiten' in only_pages


def test_results_are_paginated_and_keep_the_query(client, home):
    _pages(home, 13)
    first = client.get("/suche/", {"q": "Testlauftext"}).text
    assert "13 Ergebnisse" in first
    assert first.count('class="result"') == 10
    assert 'href="?q=Testlauftext&amp;seite=2"' in first
    second = client.get("/suche/", {"q": "Testlauftext", "seite": "2"}).text
    assert second.count('class="result"') == 3
    assert '<ol class="result-list" start="11">' in second
    beyond = client.get("/suche/", {"q": "Testlauftext", "seite": "99"})
    assert beyond.status_code == 200 and beyond.text.count('class="result"') == 3


def test_search_without_results_explains_itself(client, db):
    text = client.get("/suche/", {"q": "Quantenkryptografie"}).text
    assert "Zu Ihrer Suche wurde nichts gefunden." in text
    assert "Prüfen Sie die Schreibweise" in text


def test_empty_search_shows_the_form(client, db):
    response = client.get("/suche/")
    assert response.status_code == 200
    assert 'id="search-query"' in response.text and "Ergebnis" not in response.text


def test_english_search_finds_the_english_tree(client, db):
    text = client.get("/en/search/", {"q": "Mentoring"}).text
    assert 'href="/en/projekte/mentoring-4-0/"' in text
    assert 'href="/projekte/mentoring-4-0/"' not in text


def test_german_stemming_on_postgresql(client, home):
    """On PostgreSQL (CI runs this file against it) a search for the singular finds
    the plural. SQLite's full-text search cannot stem; there the test asserts the
    documented limitation instead, so neither run passes without checking something."""
    from django.db import connection

    page = ContentPage(title="Schulungen im Ruhrgebiet", slug="schulungen", intro="Termine")
    home.add_child(instance=page)
    page.save_revision().publish()
    text = client.get("/suche/", {"q": "Schulung"}).text
    if connection.vendor == "postgresql":
        assert "Schulungen im Ruhrgebiet" in text
    else:
        assert "Schulungen im Ruhrgebiet" not in text
