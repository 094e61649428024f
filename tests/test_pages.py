"""The public site as a visitor meets it: home, content, legal and programme pages."""

import re

from django.test import Client

from wagtail.models import Site

import pytest

from cms.demo import demo_image
from cms.models import ContentPage, SiteSettings
from home.models import ProgrammePage


def test_home_page_is_built_from_blocks(client, home):
    text = client.get("/").text
    assert '<html lang="de">' in text
    assert "Digital in die Zukunft – gemeinsam und generationenübergreifend" in text  # hero
    assert "Der Zukunftshub in Zahlen" in text  # key figures
    assert '<div class="embedded-page">' in text and "Aktuelle Phase" in text  # embedded project
    assert "Unsere Projekte" in text and 'href="/projekte/mentoring-4-0/"' in text  # teasers
    assert "Fragen zur Digitalisierung in Ihrem Betrieb?" in text  # call to action


def test_key_figures_are_counted_from_the_database(client, home):
    text = client.get("/").text
    assert "<dt>Projekte</dt><dd>1</dd>" in text
    projects = home.get_children().get(slug="projekte")
    second = ProgrammePage(
        title="Familienfreundliche Betriebe", slug="familie", intro="Tandems zwischen Betrieben."
    )
    projects.add_child(instance=second)
    second.save_revision().publish()
    assert "<dt>Projekte</dt><dd>2</dd>" in client.get("/").text


@pytest.mark.parametrize(
    "path, title",
    [
        ("/impressum/", "Impressum"),
        ("/datenschutz/", "Datenschutzerklärung"),
        ("/barrierefreiheit/", "Erklärung zur Barrierefreiheit"),
        ("/leichte-sprache/", "Leichte Sprache"),
    ],
)
def test_legal_pages_are_ordinary_content_pages(client, db, path, title):
    response = client.get(path)
    assert response.status_code == 200
    assert f"<h1>{title}</h1>" in response.text
    page = ContentPage.objects.get(url_path__endswith=path, locale__language_code="de")
    assert page.title == title
    # and every page links them in the footer
    assert f'href="{path}"' in client.get("/").text


def test_accessibility_statement_leads_to_its_feedback_form(client, db):
    text = client.get("/barrierefreiheit/").text
    assert "Feedback" in text
    assert client.get("/barrierefreiheit/feedback/").status_code == 200


def test_programme_page_shows_phases_packages_partners_figures_contacts(client, db):
    text = client.get("/projekte/mentoring-4-0/").text
    assert "<h1>Mentoring 4.0</h1>" in text
    assert "Phase 1: Erprobung" in text and "abgeschlossen" in text
    assert "Phase 2: Verbreitung" in text and "laufend" in text
    assert "AP 3" in text and "Lotsen ausbilden" in text and "Federführung" in text
    assert 'href="https://arbeitsforschung.example"' in text  # partner link
    assert "<dt>ausgebildete Lotsen</dt><dd>48</dd>" in text
    assert "Murat Yılmaz" in text and "mailto:murat.yilmaz@zukunftshub.example" in text


def test_navigation_comes_from_the_page_tree(client, home):
    text = client.get("/projekte/mentoring-4-0/").text
    assert 'aria-label="Hauptnavigation"' in text
    assert '<a href="/projekte/" aria-current="true">Projekte</a>' in text
    impressum = home.get_children().get(slug="impressum").specific
    impressum.show_in_menus = True
    impressum.save_revision().publish()
    assert '<a href="/impressum/">Impressum</a>' in Client().get("/projekte/").text


def test_mobile_menu_is_a_disclosure_that_needs_no_script(client, db):
    """On phones one "Menü" button holds the menu, the language and signing in."""
    text = client.get("/").text
    start = text.index('<details class="main-nav main-nav--narrow">')
    narrow = text[start : text.index("</details>", start)]
    assert re.search(r"<summary>.*Menü</summary>", narrow, re.DOTALL)
    assert '<a href="/praxisbeispiele/">Praxisbeispiele</a>' in narrow
    assert 'href="/en/" hreflang="en"' in narrow
    assert 'href="/konto/anmelden/?next=/"' in narrow


def test_header_shows_the_sites_mark_or_the_chosen_logo_sharp_on_dense_screens(client, db):
    assert re.search(
        r'<img src="/static/img/mark(\.\w+)?\.svg" width="48" height="48" alt=""',
        client.get("/").text,
    )
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.logo = demo_image("Logo", "", size=(320, 96))
    settings.save()
    text = client.get("/").text
    logo = re.search(r'<img src="([^"]+)" srcset="\1 1x, ([^"]+) 2x" width="160" height="48"', text)
    assert logo and ".height-96." in logo[2], text[text.index("brand") : text.index("brand") + 600]
    assert "brand__logo--mark" not in text


def test_site_settings_fill_header_and_footer(client, db):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.programme_name = "Mentoring-Netz Emscher"
    settings.contact_email = "hallo@netz.example"
    settings.social_links = [
        ("link", {"network": "Mastodon", "url": "https://social.example/@netz"})
    ]
    settings.save()
    text = client.get("/").text
    assert '<span class="brand__name">Mentoring-Netz Emscher</span>' in text
    assert 'href="mailto:hallo@netz.example"' in text
    assert '<a href="https://social.example/@netz" rel="me noopener">Mastodon</a>' in text
    assert '<script src="http' not in text and "<iframe" not in text  # no third-party widget


def test_every_page_links_its_other_language(client, db):
    german = client.get("/impressum/").text
    assert '<link rel="alternate" hreflang="de" href="http://testserver/impressum/">' in german
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/impressum/">' in german
    english = client.get("/en/impressum/")
    assert english.status_code == 200
    assert '<html lang="en">' in english.text
    assert "Skip to content" in english.text and "Zum Inhalt springen" in german
    # the untranslated German text is marked as German inside the English page
    assert '<main id="main" tabindex="-1" lang="de">' in english.text
    assert '<a href="/impressum/" hreflang="de" lang="de">Deutsch</a>' in english.text


def test_german_words_on_english_pages_are_marked_as_german(client, db):
    """WCAG 3.1.2: menu items of untranslated pages, the tagline, the address and
    footer links written once in German carry lang="de" on /en/ pages."""
    english = client.get("/en/").text
    assert '<a href="/en/praxisbeispiele/" lang="de">Praxisbeispiele</a>' in english
    assert '<span class="brand__tagline" lang="de">' in english
    assert '<address lang="de">' in english
    assert '<a href="/en/impressum/" lang="de">Impressum</a>' in english
    german = client.get("/").text
    assert '<a href="/praxisbeispiele/">Praxisbeispiele</a>' in german
    assert '<span class="brand__tagline">' in german and "<address>" in german
    assert '<a href="/impressum/">Impressum</a>' in german


def test_an_embedded_alias_marks_its_german_text(client, db):
    text = client.get("/en/").text
    card = text[text.index('<section class="embed-card"') :]
    card = card[: card.index("</section>")]
    assert 'lang="de">Mentoring 4.0</h2>' in card
    assert '<p class="eyebrow">Project</p>' in card  # the interface stays English


def test_search_view_links_its_other_language(client, db):
    text = client.get("/suche/?q=Lotsen").text
    assert 'hreflang="en" href="http://testserver/en/search/?q=Lotsen"' in text


def test_not_found_page_has_the_site_design(client, db):
    response = client.get("/gibt-es-nicht/")
    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.text
    assert 'class="site-header"' in response.text and 'role="search"' in response.text


def test_server_error_page_has_the_site_design(rf):
    from django.utils import translation

    from cms.views import server_error

    with translation.override("de"):
        response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Technisches Problem" in response.content.decode()
    assert 'href="#main"' in response.content.decode()


def test_robots_txt_and_sitemap(client, db):
    robots = client.get("/robots.txt")
    assert robots["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in robots.text
    assert "Disallow: /admin/" in robots.text and "Disallow: /suche/" in robots.text
    sitemap = client.get("/sitemap.xml").text
    for path in ("/", "/impressum/", "/projekte/mentoring-4-0/", "/en/impressum/"):
        assert f"<loc>http://localhost{path}</loc>" in sitemap


def test_project_feed(client, db):
    rss = client.get("/feeds/projekte/rss/")
    assert rss.status_code == 200
    assert "<title>Mentoring 4.0</title>" in rss.text
    assert "/en/" not in rss.text


def test_english_home_embeds_and_links_the_english_pages(client, db):
    text = client.get("/en/").text
    assert '<div class="embedded-page">' in text
    assert 'href="/en/projekte/mentoring-4-0/"' in text
    assert 'href="/en/impressum/"' in text  # footer links in the visitor's language


def test_english_home_page_is_translated_content(client, db):
    text = client.get("/en/").text
    assert "Into the digital future – together, across generations" in text
    assert '<main id="main" tabindex="-1">' in text  # English content, no lang="de" marker
    assert "Digital in die Zukunft" in client.get("/").text


def test_the_kept_menu_marks_the_current_section_on_every_page(client, db, settings):
    """The header's menu is kept per state (components/header.html): each page still
    gets its own current item, one after the other in the same process."""
    settings.PAGE_CACHE_SECONDS = 0
    below = client.get("/projekte/mentoring-4-0/").text
    assert '<a href="/projekte/" aria-current="true">Projekte</a>' in below
    own = client.get("/projekte/").text
    assert '<a href="/projekte/" aria-current="page">Projekte</a>' in own
    other = client.get("/praxisbeispiele/").text
    assert '<a href="/projekte/">Projekte</a>' in other
    assert 'href="/praxisbeispiele/" aria-current="page"' in other
    assert client.get("/projekte/mentoring-4-0/").text.count('aria-current="true"') >= 2


def test_the_projects_page_lists_its_projects_unless_the_editor_turns_it_off(client, db):
    text = client.get("/projekte/").text
    cards = text[text.index('<ul class="card-grid subpages">') :]
    assert re.search(
        r'<h2 class="card__title"><a href="/projekte/mentoring-4-0/">Mentoring 4.0</a></h2>', cards
    )
    assert "Jüngere Beschäftigte, die sich mit digitalen Werkzeugen auskennen" in cards
    projects = ContentPage.objects.get(slug="projekte", locale__language_code="de")
    projects.list_subpages = False
    projects.save_revision().publish()
    assert "subpages" not in Client().get("/projekte/").text
