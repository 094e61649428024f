"""Regional HUB pages, listings limited to a region, and keywords on offerings."""

import datetime
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from hub.models import HubPage, OfferingIndexPage, OfferingPage, Region, StoryPage

RUHR = "/zukunfts-hubs/ruhr/"
KLEVE = "/zukunfts-hubs/kreis-kleve/"


def _module(html, title):
    """The HTML of the module with this title."""
    start = html.index(f">{title}</h2>")
    end = html.find('<section class="hub-module"', start)
    return html[start : end if end != -1 else len(html)]


def _titles(html):
    return re.findall(r'class="hub-module__title" href="[^"]+">([^<]+)</a>', html)


def test_the_ruhr_hub_groups_its_offer_in_five_modules(client, db):
    text = client.get(RUHR).text
    nav = text[text.index('class="hub-nav"') :]
    nav = nav[: nav.index("</nav>")]
    assert re.findall(r'<a href="#modul-[^"]+">([^<]+)</a>', nav) == [
        "Pr@xisprojekte",
        "Beratung",
        "Wissen",
        "Termine",
        "Erfolg",
    ]
    # Each anchor leads to its module's section.
    for anchor in re.findall(r'href="#(modul-[^"]+)"', nav):
        assert f'<section class="hub-module" id="{anchor}"' in text


def test_modules_show_only_what_belongs_to_the_hubs_region(client, db):
    text = client.get(RUHR).text
    ruhr_stories = set(
        StoryPage.objects.live()
        .filter(locale__language_code="de", region__slug="ruhrgebiet")
        .values_list("title", flat=True)
    )
    kleve_stories = set(
        StoryPage.objects.live()
        .filter(locale__language_code="de", region__slug="kreis-kleve")
        .values_list("title", flat=True)
    )
    shown = _titles(_module(text, "Pr@xisprojekte"))
    assert len(shown) == 3
    assert set(shown) <= ruhr_stories
    assert not set(_titles(text)) & (kleve_stories - ruhr_stories)
    newest = (
        StoryPage.objects.live()
        .filter(locale__language_code="de", region__slug="ruhrgebiet")
        .order_by("-date", "-pk")
        .first()
    )
    assert shown[0] == newest.title


def test_a_module_can_be_limited_to_a_kind_of_offering_or_a_topic(client, db):
    text = client.get(RUHR).text
    advice = _titles(_module(text, "Beratung"))
    assert advice
    for title in advice:
        offering = OfferingPage.objects.get(title=title, locale__language_code="de")
        assert offering.kind.slug == "beratung"
        assert offering.regions.filter(slug="ruhrgebiet").exists()
    success = _titles(_module(text, "Erfolg"))
    assert success
    for title in success:
        story = StoryPage.objects.get(title=title, locale__language_code="de")
        assert story.topics.filter(slug="reverse-mentoring").exists()


def test_a_module_with_two_sources_shows_both_under_their_own_heading(client, db):
    module = _module(client.get(RUHR).text, "Wissen")
    assert '<h3 class="hub-module__source">Unterstützungsangebote</h3>' in module
    assert '<h3 class="hub-module__source">Aktuelles</h3>' in module
    assert "Zweiter Zukunfts-HUB startet im Kreis Kleve" in module


def test_all_links_lead_to_the_listing_filtered_like_the_module(client, db):
    module = _module(client.get(RUHR).text, "Beratung")
    link = re.search(r'<p class="hub-module__more"><a href="([^"]+)">', module).group(1)
    assert link == "/angebote/?region=ruhrgebiet&amp;art=beratung"
    listing = client.get(link.replace("&amp;", "&")).text
    expected = (
        OfferingPage.objects.live()
        .filter(locale__language_code="de", regions__slug="ruhrgebiet", kind__slug="beratung")
        .exclude(valid_until__lt=datetime.date.today())
        .count()
    )
    assert f"{expected} Angebote" in listing or f"{expected} Angebot<" in listing


def test_a_hub_listing_shows_every_story_of_its_region_wherever_it_is_kept(client, db):
    text = client.get(KLEVE + "praxisbeispiele/").text
    kleve = StoryPage.objects.live().filter(locale__language_code="de", region__slug="kreis-kleve")
    assert kleve.count() >= 2
    assert f"{kleve.count()} Praxisbeispiele – Kreis Kleve (ländlich)" in text
    for story in kleve:
        assert story.title in text
    # The region is fixed here, so it is no filter; the others are.
    assert "<legend>Region</legend>" not in text
    assert "<legend>Branche</legend>" in text
    # The Kleve HUB's module links to its own listing, without a region parameter.
    hub = client.get(KLEVE).text
    assert '<a href="/zukunfts-hubs/kreis-kleve/praxisbeispiele/">' in hub


def test_an_offering_finder_limited_to_a_region(client, db):
    finder = OfferingIndexPage.objects.get(locale__language_code="de")
    finder.region = Region.objects.get(slug="kreis-kleve")
    finder.save_revision().publish()
    text = client.get("/angebote/").text
    assert "<legend>Region</legend>" not in text
    shown = re.findall(r'<h3><a href="/angebote/[^"]+">([^<]+)</a></h3>', text)
    assert shown
    for title in shown:
        offering = OfferingPage.objects.get(title=title, locale__language_code="de")
        assert offering.regions.filter(slug="kreis-kleve").exists()


def test_offerings_carry_keywords_that_filter_the_finder(client, db):
    tagged = (
        OfferingPage.objects.live()
        .filter(locale__language_code="de", tags__slug="zuschuss")
        .exclude(valid_until__lt=datetime.date.today())
    )
    offering = tagged.first()
    page = client.get(offering.url).text
    assert '<a href="/angebote/?schlagwort=zuschuss">#Zuschuss</a>' in page
    listing = client.get("/angebote/", {"schlagwort": "zuschuss"}).text
    assert 'value="zuschuss" id="f-schlagwort-zuschuss" checked' in listing
    assert offering.title in listing
    untagged = OfferingPage.objects.filter(locale__language_code="de").exclude(
        tags__slug="zuschuss"
    )
    assert untagged.first().title not in listing


def test_a_new_keyword_becomes_a_filter_when_the_page_is_published(client, db):
    assert "f-schlagwort-ganz-neu" not in client.get("/angebote/").text
    offering = OfferingPage.objects.filter(locale__language_code="de", valid_until=None).first()
    offering.tags.add("Ganz neu")
    offering.save_revision().publish()
    text = client.get("/angebote/", {"schlagwort": "ganz-neu"}).text
    assert 'id="f-schlagwort-ganz-neu" checked' in text
    assert "1 Angebot" in text


def _add_ruhr_stories(count):
    index = StoryPage.objects.filter(locale__language_code="de").first().get_parent()
    template = StoryPage.objects.filter(
        locale__language_code="de", region__slug="ruhrgebiet"
    ).first()
    for n in range(count):
        story = StoryPage(
            title=f"Ruhr-Beispiel {n}",
            slug=f"ruhr-last-{n}",
            company="Firma",
            industry_id=template.industry_id,
            company_size_id=template.company_size_id,
            region_id=template.region_id,
            summary="Kurz",
            challenge="<p>a</p>",
            approach="<p>b</p>",
            result="<p>c</p>",
        )
        index.add_child(instance=story)
        story.topics.add(*template.topics.all())
        story.save_revision().publish()


def test_hub_page_queries_stay_flat_and_within_20(client, db, settings):
    settings.PAGE_CACHE_SECONDS = 0
    from cms.cache import invalidate

    def cold():
        invalidate()  # the modules' HTML is cached per generation: measure a fresh one
        with CaptureQueriesContext(connection) as queries:
            assert client.get(RUHR).status_code == 200
        return len(queries)

    client.get(RUHR)
    few = cold()
    _add_ruhr_stories(30)
    many = cold()
    assert few == many, f"{few} queries with the demo, {many} with 30 more stories"
    assert many <= 20
    assert "Ruhr-Beispiel 29" in client.get(RUHR).text


def test_a_new_story_appears_in_the_hub_once_published(client, db):
    assert "Ruhr-Beispiel 0" not in client.get(RUHR).text
    _add_ruhr_stories(1)
    assert "Ruhr-Beispiel 0" in client.get(RUHR).text


def test_the_hub_page_is_in_the_sitemap_and_english_tree(client, db):
    sitemap = client.get("/sitemap.xml").text
    assert (
        "/zukunfts-hubs/ruhr/</loc>" in sitemap
        and "/zukunfts-hubs/kreis-kleve/praxisbeispiele/</loc>" in sitemap
    )
    assert client.get("/en" + RUHR).status_code == 200


def test_editors_compose_a_hub_in_the_admin(client, db, editor):
    client.force_login(editor)
    hub = HubPage.objects.get(slug="ruhr", locale__language_code="de")
    response = client.get(f"/admin/pages/{hub.pk}/edit/")
    assert response.status_code == 200
    assert "HUB-Modul" in response.text
    parent = hub.get_parent()
    response = client.get(f"/admin/pages/add/hub/hubpage/{parent.pk}/")
    assert response.status_code == 200


@pytest.mark.parametrize("url", [RUHR, KLEVE, KLEVE + "praxisbeispiele/"])
def test_hub_pages_render_without_javascript_and_with_headings_in_order(client, db, url):
    text = client.get(url).text
    levels = [int(level) for level in re.findall(r"<h([1-6])[ >]", text)]
    assert levels[0] == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False))


def test_a_hub_shows_its_regions_upcoming_events_soonest_first(client, db):
    from hub.models import EventPage

    events = (
        EventPage.objects.live()
        .upcoming()
        .filter(locale__language_code="de")
        .order_by("starts_at", "pk")
    )
    for url, region in ((RUHR, "ruhrgebiet"), (KLEVE, "kreis-kleve")):
        module = _module(client.get(url).text, "Termine")
        expected = [e.title for e in events.filter(region__slug=region)[:3]]
        assert expected and _titles(module) == expected, url
        assert (
            f'href="/veranstaltungen/?region={region}">Alle Veranstaltungen in der Region' in module
        )
    # a past event is not among them
    past = EventPage.objects.live().past().filter(locale__language_code="de").first()
    if past:
        assert past.title not in client.get(RUHR).text + client.get(KLEVE).text


def test_the_hubs_overview_is_in_the_menu_and_leads_to_every_hub(client, db):
    text = client.get("/").text
    assert '<a href="/zukunfts-hubs/">Zukunfts-HUBs</a>' in text
    overview = client.get("/zukunfts-hubs/").text
    for url, title, region in (
        (RUHR, "Zukunfts-HUB Ruhr", "Ruhrgebiet"),
        (KLEVE, "Zukunfts-HUB Kreis Kleve", "Kreis Kleve"),
    ):
        assert re.search(
            rf'<p class="eyebrow">{region}[^<]*</p>\s*<h2 class="card__title"><a href="{url}">',
            overview,
        ), url
        assert title in overview
