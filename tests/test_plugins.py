import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.test import Client

import pytest

from cms.models import ContentPage
from cms.plugins import Feed, KeyFigure, SearchFacet, TeaserSource, registry

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("plugin", settings.ALL_PLUGINS)
def test_site_runs_with_any_plugin_left_out(plugin, tmp_path):
    env = dict(os.environ)
    env["ZUKUNFTSHUB_PLUGINS"] = ",".join(p for p in settings.ALL_PLUGINS if p != plugin)
    env["ZUKUNFTSHUB_VAR_DIR"] = str(tmp_path)
    # Against PostgreSQL and Redis: a database and a Redis database of its own.
    if env.get("DATABASE_URL", "").startswith("postgres"):
        env["DATABASE_URL"] = (
            env["DATABASE_URL"].rsplit("/", 1)[0] + f"/zukunftshub_without_{plugin}"
        )
    if env.get("REDIS_URL"):
        env["REDIS_URL"] = env["REDIS_URL"].rsplit("/", 1)[0] + "/14"
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/site_check.py"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "1 passed" in result.stdout


def _home_with_block(home, block):
    home.body = [block]
    home.save_revision().publish()


def test_a_registered_key_figure_is_counted_live_on_the_home_page(home, client):
    figure = KeyFigure(
        key="test.pages",
        label="Inhaltsseiten gezählt",
        count=lambda: ContentPage.objects.live().filter(locale__language_code="de").count(),
    )
    with registry.temporarily(figure):
        _home_with_block(
            home,
            {
                "type": "key_figures",
                "value": {
                    "heading": "Zahlen",
                    "figures": [{"source": "test.pages", "value": "", "label": ""}],
                },
            },
        )
        count = ContentPage.objects.live().filter(locale__language_code="de").count()
        response = client.get("/")
        assert f"<dt>Inhaltsseiten gezählt</dt><dd>{count}</dd>" in response.text
        home.add_child(instance=ContentPage(title="Noch eine Seite", slug="noch-eine"))
        ContentPage.objects.get(slug="noch-eine").save_revision().publish()
        response = client.get("/")
        assert f"<dt>Inhaltsseiten gezählt</dt><dd>{count + 1}</dd>" in response.text


def test_a_registered_teaser_source_lists_its_newest_pages(home, client):
    source = TeaserSource(key="test.content", label="Seiten", model=ContentPage, text_field="intro")
    with registry.temporarily(source):
        for n in range(3):
            page = ContentPage(title=f"Neuigkeit {n}", slug=f"neu-{n}", intro=f"Kurztext {n}")
            home.add_child(instance=page)
            page.save_revision().publish()
        _home_with_block(
            home,
            {
                "type": "teasers",
                "value": {
                    "heading": "Neueste Seiten",
                    "source": "test.content",
                    "count": 2,
                    "more": {"text": "", "page": None, "url": ""},
                },
            },
        )
        text = Client().get("/").text
        assert "Neueste Seiten" in text
        assert "Neuigkeit 2" in text and "Neuigkeit 1" in text
        assert "Neuigkeit 0" not in text  # only the two newest
        assert "Kurztext 2" in text


def test_a_teaser_source_that_disappeared_renders_nothing_broken(home, client):
    _home_with_block(
        home,
        {
            "type": "teasers",
            "value": {
                "heading": "Verschwunden",
                "source": "gone.plugin",
                "count": 3,
                "more": {"text": "", "page": None, "url": ""},
            },
        },
    )
    response = client.get("/")
    assert response.status_code == 200
    assert "Hier wurde noch nichts veröffentlicht." in response.text


def test_a_registered_search_facet_appears_in_search(client, db):
    facet = SearchFacet(key="test-facet", label="Testseiten", models=(ContentPage,), order=1)
    with registry.temporarily(facet):
        response = client.get("/suche/", {"q": "Impressum"})
    assert "Testseiten" in response.text


def test_a_registered_feed_is_served_as_rss_and_atom(client, home):
    feed = Feed(
        key="test-feed",
        title="Testfeed",
        description="Neue Seiten",
        items=lambda: ContentPage.objects.live().filter(locale__language_code="de"),
    )
    with registry.temporarily(feed):
        rss = client.get("/feeds/test-feed/rss/")
        atom = client.get("/feeds/test-feed/atom/")
        page = client.get("/impressum/")
    assert rss.status_code == 200 and "<rss" in rss.text and "Impressum" in rss.text
    assert atom.status_code == 200 and "http://www.w3.org/2005/Atom" in atom.text
    assert 'href="/feeds/test-feed/rss/"' in page.text
    assert client.get("/feeds/unknown/rss/").status_code == 404
