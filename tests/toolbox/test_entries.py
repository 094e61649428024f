"""The Werkzeugkasten: entries, their filterable listing, print view, downloads and
videos behind a two-click consent."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.blocks import StructBlockValidationError
from wagtail.documents.models import Document

import pytest

from cms.blocks import VideoBlock
from cms.plugins import registry
from toolbox.models import Theme, ToolboxEntryPage, ToolboxIndexPage

URL = "/werkzeugkasten/"
VIDEO_ENTRY = URL + "werkzeug-05/"


def _count(text):
    match = re.search(r'class="results__count">\s*(\d+) Einträ?ge?', text)
    return int(match.group(1)) if match else None


def test_listing_shows_every_entry_with_its_filters(client, db):
    text = client.get(URL).text
    assert _count(text) == 15
    for legend in ("Thema", "Art", "Für", "Dauer", "Schlagworte"):
        assert f"<legend>{legend}</legend>" in text
    assert 'Motivation <span class="count">(3)</span>' in text
    assert 'App-Tipp <span class="count">(2)</span>' in text


def test_filters_combine_and_counts_match_the_database(client, db):
    text = client.get(URL, {"thema": "motivation", "fuer": ["mentee", "lotse"]}).text
    expected = (
        ToolboxEntryPage.objects.live()
        .filter(
            locale__language_code="de",
            theme__slug="motivation",
            audiences__slug__in=["mentee", "lotse"],
        )
        .distinct()
    )
    assert _count(text) == expected.count() > 0
    for entry in expected:
        assert entry.title in text
    assert "Steckbrief-Runde zum Kennenlernen" not in text
    # What another kind would give, with theme and audience applied:
    counts = dict(
        re.findall(
            r'id="f-art-([^"]+)"[^>]*>\s*<label[^>]*>[^<]*<span class="count">\((\d+)\)', text
        )
    )
    for slug, count in counts.items():
        assert int(count) == expected.filter(kind__slug=slug).count(), slug


@pytest.mark.parametrize(
    "params", [{"thema": "abc"}, {"seite": "999"}, {"dauer": "x" * 3000}, {"seite": "-1"}]
)
def test_malformed_filters_give_a_normal_page(client, db, params):
    response = client.get(URL, params)
    assert response.status_code == 200
    assert "Werkzeugkasten" in response.text


def test_an_empty_result_explains_itself(client, db):
    text = client.get(URL, {"thema": "huerden", "art": "app-tipp"}).text
    assert "Kein Eintrag im Werkzeugkasten passt zu allen gewählten Filtern." in text
    assert '<a href="/werkzeugkasten/">alle Filter zurücksetzen</a>' in text


def test_entry_page_shows_frame_steps_in_order_and_keywords(client, db):
    text = client.get(URL + "werkzeug-01/").text
    assert "<h1>Steckbrief-Runde zum Kennenlernen</h1>" in text
    assert "<dd>Tandems finden und bilden</dd>" in text and "<dd>6 bis 16 Personen</dd>" in text
    assert "<dd>Lotse, Mentor*in, Mentee</dd>" in text
    steps = [s.strip() for s in re.findall(r"<li>\s*<h3>([^<]+)", text)]
    assert steps == ["Steckbriefe ausfüllen", "Galerie", "Paare vorschlagen"]
    assert "(15 Minuten)" in text
    assert '<a href="/werkzeugkasten/?schlagwort=kennenlernen">#Kennenlernen</a>' in text


def test_downloads_show_file_type_and_size(client, db):
    text = client.get(URL + "werkzeug-03/").text
    match = re.search(
        r'<a href="([^"]+)" download>Tandemvereinbarung \(Tabelle\)</a> '
        r'<span class="download-list__meta">\(CSV, (\d+)\xa0Bytes\)</span>',
        text,
    )
    assert match, "download with type and size"
    document = Document.objects.get(title="Tandemvereinbarung (Tabelle)")
    assert match.group(1) == document.url  # served by Wagtail (tested over HTTP in the browser)
    assert int(match.group(2)) == document.get_file_size()
    with document.open_file() as file:
        assert file.read().decode().startswith("Feld;Eintrag")


def test_the_printable_view_has_the_whole_entry_and_no_navigation(client, db):
    text = client.get(URL + "werkzeug-03/drucken/").text
    assert "<h1>Tandemvereinbarung</h1>" in text
    assert "Vorlage ausfüllen" in text and "Unterschreiben" in text
    assert 'class="main-nav' not in text and "<footer" not in text
    assert '<meta name="robots" content="noindex">' in text
    assert re.search(
        r"Tandemvereinbarung \(Tabelle\) \(CSV, \d+\xa0Bytes\): http://testserver/documents/", text
    )
    assert "Aus dem Werkzeugkasten unter http://testserver/werkzeugkasten/werkzeug-03/" in text
    assert 'href="/werkzeugkasten/werkzeug-03/drucken/"' in client.get(URL + "werkzeug-03/").text


def test_a_platform_video_loads_nothing_before_consent(client, db):
    text = client.get(VIDEO_ENTRY).text
    assert "<iframe" not in text
    assert 'data-video-src="https://www.youtube-nocookie.com/embed/M7lc1UVf-VE"' in text
    assert "Video von YouTube laden" in text
    assert "Transkript und Beschreibung" in text
    # Nothing from the platform is referenced as a resource: only the plain link.
    assert not re.search(r'(?<![-\w])(src|href)="https://www\.youtube-nocookie', text)


def test_consent_without_javascript_reloads_with_the_player(client, db):
    text = client.get(VIDEO_ENTRY).text
    video_id = re.search(r'name="video" value="([^"]+)"', text).group(1)
    with_player = client.get(VIDEO_ENTRY, {"video": video_id})
    assert '<iframe src="https://www.youtube-nocookie.com/embed/M7lc1UVf-VE"' in with_player.text
    assert 'title="Die vier Stufen der Kompetenz"' in with_player.text
    assert "https://www.youtube-nocookie.com" in with_player["Content-Security-Policy"]
    # Another visitor without consent still gets the placeholder.
    assert "<iframe" not in client.get(VIDEO_ENTRY).text


def test_the_video_block_accepts_one_source_from_a_known_platform():
    block = VideoBlock()
    value = block.to_python(
        {"title": "Film", "platform_url": "https://vimeo.com/123456", "transcript": ""}
    )
    assert block.clean(value)["platform_url"] == "https://vimeo.com/123456"
    assert value.embed_url() == "https://player.vimeo.com/video/123456?dnt=1"
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"title": "Film", "platform_url": "https://example.org/v/1"}))
    assert "platform_url" in error.value.block_errors
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"title": "Film"}))
    assert "file" in error.value.block_errors


def _grow(count):
    index = ToolboxIndexPage.objects.get(locale__language_code="de")
    template = ToolboxEntryPage.objects.filter(locale__language_code="de").first()
    for n in range(count):
        entry = ToolboxEntryPage(
            title=f"Zusatzmethode {n}",
            slug=f"zusatz-{n}",
            theme_id=template.theme_id,
            kind_id=template.kind_id,
            duration_id=template.duration_id,
            goal="Ziel",
        )
        entry.audiences = list(template.audiences.all())
        entry.tags.add("Tandem")
        index.add_child(instance=entry)
        entry.save_revision().publish()


@pytest.mark.parametrize("params", [{}, {"thema": "motivation", "fuer": "mentee"}, {"seite": "2"}])
def test_listing_queries_stay_flat(client, db, settings, params):
    settings.PAGE_CACHE_SECONDS = 0

    def count():
        client.get(URL, params)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL, params).status_code == 200
        return len(queries)

    few = count()
    _grow(60)
    many = count()
    assert few == many and many <= 20, (few, many)


def test_entries_reach_the_site_through_the_contract(client, db):
    assert registry.key_figures["toolbox.entries"].count() == 15
    assert len(registry.teaser_sources["toolbox.entries"].items(3)) == 3
    search = client.get("/suche/", {"q": "Tandemvereinbarung"}).text
    assert "Tandemvereinbarung" in search and 'Werkzeugkasten <span class="count">' in search
    assert "Lerntagebuch im Tandem" in client.get("/feeds/werkzeugkasten/rss/").text
    sitemap = client.get("/sitemap.xml").text
    assert "/werkzeugkasten/werkzeug-01/</loc>" in sitemap


def test_a_new_theme_is_a_filter_at_once(client, db):
    Theme.objects.create(name="Führung und Kultur", slug="fuehrung")
    text = client.get(URL).text
    # It has no entry yet: dimmed, and it says so.
    assert re.search(
        r'<div class="filter-option filter-option--empty">\s*<input[^>]+value="fuehrung"[^>]*>\s*'
        r'<label[^>]*>Führung und Kultur <span class="count">\(keine Treffer\)</span>',
        text,
    )


def test_editors_find_the_toolbox_in_the_admin(client, db, editor):
    client.force_login(editor)
    index = ToolboxIndexPage.objects.get(locale__language_code="de")
    assert client.get(f"/admin/pages/add/toolbox/toolboxentrypage/{index.pk}/").status_code == 200
    entry = ToolboxEntryPage.objects.get(slug="werkzeug-05", locale__language_code="de")
    response = client.get(f"/admin/pages/{entry.pk}/edit/")
    assert response.status_code == 200 and "Adresse bei YouTube oder Vimeo" in response.text
    assert client.get("/admin/snippets/toolbox/theme/").status_code == 200


def test_the_downloads_block_lists_documents_with_type_and_size(db):
    from cms.blocks import DownloadsBlock

    document = Document.objects.get(title="Tandemvereinbarung (Tabelle)")
    block = DownloadsBlock()
    html = block.render(block.to_python({"heading": "Vorlagen", "documents": [document.pk]}))
    assert '<h2 id="downloads-' in html and ">Vorlagen</h2>" in html
    assert f'<a href="{document.url}" download>Tandemvereinbarung (Tabelle)</a>' in html
    assert f"(CSV, {document.get_file_size()}\xa0Bytes)" in html


def test_the_toolbox_leads_to_the_quickcheck_and_the_search_finds_it(client, db):
    text = client.get(URL).text
    assert re.search(
        r'<p class="self-check"><span class="self-check__label">Selbstcheck:</span> '
        r'<a href="/werkzeugkasten/quickcheck/">Quickcheck Reverse Mentoring</a>',
        text,
    )
    found = client.get("/suche/", {"q": "Quickcheck"}).text
    assert '<a href="/werkzeugkasten/quickcheck/">' in found


def test_the_search_finds_the_regional_hubs(client, db):
    found = client.get("/suche/", {"q": "Kleve"}).text
    assert 'href="/zukunfts-hubs/kreis-kleve/"' in found
