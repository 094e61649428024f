"""News and press releases."""

from cms.plugins import registry

URL = "/aktuelles/"


def test_news_listing_newest_first_with_kinds(client, db):
    text = client.get(URL).text
    assert text.count('class="news-item"') == 6
    assert text.index("Zweiter Zukunfts-HUB startet") < text.index("48 neue Lotsinnen")
    press = client.get(URL, {"art": "press"}).text
    assert press.count('class="news-item"') == 2
    assert '<span aria-current="true">Pressemitteilung</span>' in press
    assert client.get(URL, {"art": "quatsch", "seite": "x"}).status_code == 200


def test_press_release_names_its_press_contact(client, db):
    text = client.get(URL + "meldung-01/").text
    assert "<h1>Zweiter Zukunfts-HUB startet im Kreis Kleve</h1>" in text
    assert "Pressekontakt" in text and "Dr. Jana Beispiel" in text
    assert "Lernreisen sind für das Frühjahr geplant" in text


def test_news_reach_the_site_through_the_contract(client, db):
    assert registry.teaser_sources["hub.news"].items(1)[0].title.startswith("Zweiter Zukunfts-HUB")
    assert "Zweiter Zukunfts-HUB" in client.get("/feeds/aktuelles/atom/").text
    assert 'Aktuelles <span class="count">' in client.get("/suche/", {"q": "Lotsen"}).text
