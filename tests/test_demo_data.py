"""The demo's text lives in TOML data files with named fields; the loaders read them.

The test database holds the demo (conftest), so what a data file says is what the site
shows: a translator who changes a title in a file changes the page."""

import tomllib
from pathlib import Path

from wagtail.models import Locale, Page

import pytest

from cms.demo import demo_data, demo_terms, loaders, site_data, with_refs
from cms.models import SiteSettings
from hub.models import Topic

ROOT = Path(__file__).resolve().parents[1]
DATA_FILES = sorted(ROOT.glob("*/demo/*.toml"))


def test_every_plugin_and_the_site_keep_their_demo_text_in_data_files():
    folders = {path.parent.parent.name for path in DATA_FILES}
    assert folders == {"cms", "home", "hub", "toolbox", "courses"}
    assert not list(ROOT.glob("*/demo.py")), "demo text belongs in the data files"


@pytest.mark.parametrize(
    "path", DATA_FILES, ids=lambda path: f"{path.parent.parent.name}/{path.name}"
)
def test_a_data_file_names_its_fields(path):
    """Valid TOML that starts with a comment explaining it; records are tables with named
    fields, never positional rows (a list inside a list)."""
    text = path.read_text(encoding="utf-8")
    assert text.startswith("#"), "a data file says what it holds"
    data = tomllib.loads(text)

    def rows_of_lists(value):
        if isinstance(value, dict):
            return any(rows_of_lists(item) for item in value.values())
        if isinstance(value, list):
            return any(isinstance(item, list) or rows_of_lists(item) for item in value)
        return False

    assert not rows_of_lists(data)


def _page(slug, parent_slug="start"):
    """The German page ``slug`` below ``parent_slug`` (the home page's slug is "start")."""
    pages = Page.objects.filter(locale__language_code="de")
    return pages.get(url_path__endswith=f"/{parent_slug}/{slug}/").specific


@pytest.mark.parametrize(
    "plugin, name, table, parent",
    [
        ("hub", "stories", "story", "praxisbeispiele"),
        ("hub", "offerings", "offering", "angebote"),
        ("hub", "news", "news", "aktuelles"),
        ("hub", "events", "event", "veranstaltungen"),
        ("hub", "hubs", "hub", "zukunfts-hubs"),
        ("toolbox", "entries", "entry", "werkzeugkasten"),
    ],
)
def test_the_pages_carry_the_text_of_their_data_file(db, plugin, name, table, parent):
    data = demo_data(str(ROOT / plugin / "demo" / "__init__.py"), name)
    for row in data[table]:
        page = _page(row["slug"], parent)
        assert page.title == row["title"]
        for field in ("summary", "intro", "goal"):
            if field in row:
                assert getattr(page, field) == row[field]
    if "index" in data:
        index = _page(data["index"]["slug"])
        assert index.title == data["index"]["title"]


def test_the_courses_lessons_come_from_their_files(db):
    courses = demo_data(str(ROOT / "courses" / "demo" / "__init__.py"), "courses")
    for course in courses["course"]:
        outline = demo_data(str(ROOT / "courses" / "demo" / "__init__.py"), course["slug"])
        page = _page(course["slug"], courses["index"]["slug"])
        assert page.title == course["title"]
        lessons = [(m["slug"], lesson) for m in outline["module"] for lesson in m["lesson"]]
        assert len(lessons) > 3
        for module, lesson in lessons:
            assert _page(lesson["slug"], module).title == lesson["title"]


def test_the_quickcheck_asks_the_questions_of_its_file(db):
    data = demo_data(str(ROOT / "toolbox" / "demo" / "__init__.py"), "quickcheck")
    page = _page(data["page"]["slug"], "werkzeugkasten")
    asked = [block.value["text"] for block in page.questions]
    assert asked == [question["text"] for question in data["question"]]


def test_the_site_settings_and_legal_pages_come_from_site_toml(db):
    data = site_data()
    settings = SiteSettings.objects.get()
    assert settings.tagline == data["settings"]["tagline"]
    assert settings.contact_email == data["settings"]["contact_email"]
    for row in data["page"]:
        page = _page(row["slug"])
        assert page.title == row["title"]
        assert str(page.body[0].value.source) == row["text"]


def test_the_english_home_page_is_the_translation_in_home_toml(db):
    data = demo_data(str(ROOT / "home" / "demo" / "__init__.py"), "home")
    german = Page.objects.get(url_path="/start/", locale__language_code="de").specific
    english = german.get_translation(Locale.objects.get(language_code="en")).specific
    assert english.alias_of_id is None
    assert english.seo_title == data["en"]["seo_title"]
    assert english.body[0].value["heading"] == data["en"]["body"][0]["value"]["heading"]
    assert german.body[0].value["heading"] == data["body"][0]["value"]["heading"]


def test_references_in_data_become_the_loaders_records():
    blocks = [{"type": "embed", "value": {"page": "@programme", "label": "@zukunftshub folgen"}}]
    with pytest.raises(KeyError):
        with_refs(blocks)
    assert with_refs(blocks, programme=7)[0]["value"] == {
        "page": 7,
        "label": "@zukunftshub folgen",
    }
    assert with_refs(["plain", 3, None, {"a": "@none"}], none=None) == [
        "plain",
        3,
        None,
        {"a": None},
    ]


def test_terms_are_made_once_from_named_rows(db):
    rows = [{"name": "Neues Thema", "slug": "neues-thema"}, {"name": "Zweites", "slug": "zweites"}]
    first = demo_terms(Topic, rows)
    again = demo_terms(Topic, [{"name": "Umbenannt", "slug": "neues-thema"}])
    assert first["neues-thema"].pk == again["neues-thema"].pk
    assert Topic.objects.get(slug="neues-thema").name == "Neues Thema"
    assert first["zweites"].sort_order == 1


def test_load_demo_finds_each_plugins_loaders_in_order():
    assert [key for key, _ in loaders()] == [
        "home.load_demo",
        "hub.load_demo",
        "hub.load_offerings",
        "hub.load_news",
        "hub.load_hubs",
        "hub.load_events",
        "toolbox.load_demo",
        "toolbox.load_quickcheck",
        "courses.load_demo",
        "home.translate_home_page",
    ]
