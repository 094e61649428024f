"""Good-practice stories: the filtered listing and the story page as visitors meet them."""

import re

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

import pytest

from cms.plugins import registry
from hub.models import CompanySize, Industry, Region, StoryIndexPage, StoryPage, Topic

URL = "/praxisbeispiele/"


def test_listing_shows_the_stories_with_counts(client, db):
    text = client.get(URL).text
    assert "12 Praxisbeispiele" in text
    assert text.count('class="card"') == 12
    assert "<legend>Branche</legend>" in text and "<legend>Region</legend>" in text
    assert 'Logistik <span class="count">(3)</span>' in text


def test_filters_combine_and_keep_their_state_in_the_address(client, db):
    text = client.get(URL, {"branche": "logistik"}).text
    assert "3 Praxisbeispiele" in text
    assert 'value="logistik" id="f-branche-logistik" checked' in text
    both = client.get(URL, {"branche": "logistik", "region": "kreis-kleve"}).text
    assert "2 Praxisbeispiele" in both
    assert "Lagerverwaltung mit Barcode" in both and "Tourenplanung mit dem Tablet" not in both
    either = client.get(URL, {"branche": ["logistik", "gesundheit"]}).text
    assert "7 Praxisbeispiele" in either


def test_facet_counts_show_what_another_choice_would_give(client, db):
    text = client.get(URL, {"branche": "logistik"}).text
    # industry counts ignore the industry choice, region counts apply it
    assert 'Gesundheit und Pflege <span class="count">(4)</span>' in text
    assert 'Kreis Kleve (ländlich) <span class="count">(2)</span>' in text


def test_an_empty_result_explains_itself_and_offers_a_reset(client, db):
    text = client.get(URL, {"branche": "handwerk", "groesse": "50-249"}).text
    assert "0 Praxisbeispiele" in text
    assert "Kein Praxisbeispiel passt zu allen gewählten Filtern." in text
    assert f'<a href="{URL}">alle Filter zurücksetzen</a>' in text


@pytest.mark.parametrize(
    "params",
    [
        {"branche": "abc"},
        {"seite": "999"},
        {"seite": "-1"},
        {"thema": "x" * 5000},
        {"region": ["a"] * 100},
    ],
)
def test_unknown_or_malformed_filters_give_a_normal_page(client, db, params):
    response = client.get(URL, params)
    assert response.status_code == 200
    assert "Praxisbeispiel" in response.text


def test_an_unknown_filter_value_is_named(client, db):
    text = client.get(URL, {"branche": "abc"}).text
    assert "„abc“ ist keine bekannte Auswahl für Branche und wurde weggelassen." in text
    assert "12 Praxisbeispiele" in text


def test_keywords_filter_the_listing(client, db):
    text = client.get(URL, {"schlagwort": "logistik"}).text
    assert "3 Praxisbeispiele" in text
    assert "<legend>Schlagworte</legend>" in text
    assert 'name="schlagwort" value="logistik" id="f-schlagwort-logistik" checked' in text


def _add_stories(index, count):
    industry, size, region = (
        Industry.objects.first(),
        CompanySize.objects.first(),
        Region.objects.first(),
    )
    topic = Topic.objects.first()
    image = StoryPage.objects.exclude(listing_image=None).first().listing_image
    for n in range(count):
        story = StoryPage(
            title=f"Beispiel Last {n}",
            slug=f"last-{n}-{StoryPage.objects.count()}",
            company="Firma",
            industry=industry,
            company_size=size,
            region=region,
            summary="Kurz",
            challenge="<p>a</p>",
            approach="<p>b</p>",
            result="<p>c</p>",
            live=True,
            listing_image=image,
        )
        index.add_child(instance=story)
        story.topics.add(topic)
        story.save()


@pytest.mark.parametrize(
    "params", [{}, {"branche": "industrie", "thema": "wissenstransfer"}, {"seite": "3"}]
)
def test_listing_queries_stay_flat_from_10_to_500_stories(client, db, params, settings):
    settings.PAGE_CACHE_SECONDS = 0
    index = StoryIndexPage.objects.get(locale__language_code="de", slug="praxisbeispiele", depth=3)

    def count():
        client.get(URL, params)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL, params).status_code == 200
        return len(queries)

    few = count()
    # The 488 stories need no search index: building it would take most of the test's
    # time on PostgreSQL (each save rewrites the index's title norms).
    settings.WAGTAILSEARCH_BACKENDS = {
        name: {**backend, "AUTO_UPDATE": False}
        for name, backend in settings.WAGTAILSEARCH_BACKENDS.items()
    }
    _add_stories(index, 488)
    many = count()
    assert few == many, f"{few} queries with 12 stories, {many} with 500"
    assert many <= 20


def test_story_page_tells_challenge_approach_result(client, db):
    text = client.get(URL + "beispiel-02/").text
    assert "<h1>Tourenplanung mit dem Tablet</h1>" in text
    for heading in ("Herausforderung", "Vorgehen", "Ergebnis"):
        assert f">{heading}</h2>" in text
    assert "<dd>Emscher Logistik KG</dd>" in text and "<dd>Logistik</dd>" in text
    assert "Jetzt steckt unser Wissen nicht mehr nur in unseren Köpfen." in text
    assert f'href="{URL}?thema=arbeitsorganisation"' in text


def test_stories_reach_the_rest_of_the_site_through_the_contract(client, db):
    assert registry.key_figures["hub.stories"].count() == 12
    assert [p.title for p in registry.teaser_sources["hub.stories"].items(1)] == [
        "Digitales Auftragsbuch in der Metallwerkstatt"
    ]
    assert 'Praxisbeispiele <span class="count">' in client.get("/suche/", {"q": "Tablet"}).text
    rss = client.get("/feeds/praxisbeispiele/rss/").text
    assert "Tourenplanung mit dem Tablet" in rss
    assert "/praxisbeispiele/beispiel-01/" in client.get("/sitemap.xml").text


@pytest.mark.parametrize(
    "params",
    [
        {"branche": ["logistik", "industrie"]},
        {"thema": "digitale-werkzeuge", "region": "ruhrgebiet"},
        {"branche": "gesundheit", "groesse": ["10-49", "50-249"], "thema": "wissenstransfer"},
        {"schlagwort": "tandem", "region": "kreis-kleve"},
    ],
)
def test_counts_and_results_match_the_database(client, db, params):
    """The listing counts on cached bitsets; the database must agree on every count."""
    fields = {
        "branche": "industry__slug__in",
        "thema": "topics__slug__in",
        "groesse": "company_size__slug__in",
        "region": "region__slug__in",
        "schlagwort": "tags__slug__in",
    }
    stories = StoryPage.objects.live().filter(locale__language_code="de", depth=4)
    stories = stories.filter(
        path__startswith=StoryIndexPage.objects.get(depth=3, locale__language_code="de").path
    )

    def expected(without=None):
        queryset = stories
        for param, value in params.items():
            if param != without:
                values = value if isinstance(value, list) else [value]
                queryset = queryset.filter(**{fields[param]: values})
        return queryset.distinct()

    text = client.get(URL, params).text
    total = expected().count()
    assert re.search(rf'class="results__count">\s*{total} Praxisbeispiel', text)
    for title in expected().values_list("title", flat=True)[:12]:
        assert title in text
    checked = 0
    for param in fields:
        for slug, count in re.findall(
            rf'id="f-{param}-([^"]+)"[^>]*>\s*<label[^>]*>[^<]*'
            r'<span class="count">\((\d+|keine Treffer)\)',
            text,
        ):
            filtered = expected(without=param).filter(**{fields[param]: [slug]}).distinct()
            assert int(count.replace("keine Treffer", "0")) == filtered.count(), (param, slug)
            checked += 1
    assert checked >= 15  # every option of every facet was compared


def test_a_listing_card_shows_a_publish_made_by_another_server(client, db, settings):
    """Cards are kept per content generation, in the cache and in each server's memory:
    a publish elsewhere (a new generation in the shared cache) shows at once."""
    from cms import counters
    from cms.cache import GENERATION_KEY

    settings.PAGE_CACHE_SECONDS = 0
    story = StoryPage.objects.live().filter(locale__language_code="de").order_by("-date").first()
    assert story.title in client.get(URL).text
    assert story.title in client.get(URL).text  # now from the memory of this process
    StoryPage.objects.filter(pk=story.pk).update(title="Neu erzählt vom anderen Server")
    assert "Neu erzählt vom anderen Server" not in client.get(URL).text
    counters.bump(GENERATION_KEY)  # what a publish on another server does
    text = client.get(URL).text
    assert "Neu erzählt vom anderen Server" in text and story.title not in text


def test_every_page_of_a_long_listing_shows_its_own_stories(client, db, settings):
    """Pages are cut from the set of matching stories without reading all of it."""
    settings.PAGE_CACHE_SECONDS = 0
    index = StoryIndexPage.objects.get(locale__language_code="de", slug="praxisbeispiele", depth=3)
    _add_stories(index, 30)
    industry = Industry.objects.first()
    expected = list(
        StoryPage.objects.live()
        .filter(locale__language_code="de", industry=industry)
        .order_by("-date", "-pk")
        .values_list("title", flat=True)
    )
    assert len(expected) > 24
    shown = []
    for number in range(1, (len(expected) + 11) // 12 + 1):
        text = client.get(URL, {"branche": industry.slug, "seite": number}).text
        shown += re.findall(r'<h3 class="card__title"><a href="[^"]*">([^<]*)</a>', text)
    assert shown == expected


def test_a_story_restricted_to_signed_in_users_leaves_the_listing(client, db, settings):
    """The listing's cached matrix is named by what it holds: a new view restriction
    (no publish) changes it."""
    from wagtail.models import PageViewRestriction

    settings.PAGE_CACHE_SECONDS = 0
    assert "12 Praxisbeispiele" in client.get(URL).text
    story = StoryPage.objects.live().filter(locale__language_code="de").order_by("-date").first()
    assert story.title in client.get(URL).text
    PageViewRestriction.objects.create(page=story, restriction_type=PageViewRestriction.LOGIN)
    text = client.get(URL).text
    assert "11 Praxisbeispiele" in text and story.title not in text


def test_a_story_shows_its_lead_image_and_support_and_dates_that_fit_it(client, db):
    from hub.models import EventPage, OfferingPage

    story = StoryPage.objects.get(slug="beispiel-03", locale__language_code="de")  # care, Kleve
    text = client.get(story.url).text
    assert re.search(r'<figure class="lead-image"><picture>.*?<img [^>]*alt=""', text, re.DOTALL)
    section = text[text.index('<section class="suggestions"') :]
    section = section[: section.index("</section>")]
    assert "Unterstützung und Termine für Betriebe wie diesen" in section
    shown = set(re.findall(r'<a href="(/[^"]+/)">', section))
    assert any("/angebote/" in url for url in shown) and any(
        "/veranstaltungen/" in url for url in shown
    )
    offerings = OfferingPage.objects.filter(locale__language_code="de")
    for offering in offerings:
        if offering.url in shown:
            assert story.region in offering.regions.all()
            industries = list(offering.industries.all())
            assert not industries or story.industry in industries
    care_network = offerings.get(slug="angebot-04")  # for care only
    for event in EventPage.objects.filter(locale__language_code="de"):
        if event.url in shown:
            assert event.region_id == story.region_id and not event.is_past
    # once the editors link pages themselves, those are shown instead
    story.related = [("page", care_network)]
    story.save_revision().publish()
    text = Client().get(story.url).text
    assert '<section class="suggestions"' not in text
    assert f'<a href="{care_network.url}">{care_network.title}</a>' in text
