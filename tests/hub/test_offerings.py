"""The Angebotsfinder: current offerings, filters, keyword search and expiry."""

import datetime
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from cms.plugins import registry
from hub.models import OfferingIndexPage, OfferingPage, OfferingType

URL = "/angebote/"


def test_expired_offerings_leave_the_finder_by_themselves(client, db):
    text = client.get(URL).text
    assert "17 Angebote" in text  # 20 in the demo, 3 have ended
    assert "Innovationsgutschein Digitalisierung" not in text
    assert "Digitalisierungs-Check vor Ort" in text


def test_an_offering_ending_today_is_gone_tomorrow(client, db, settings):
    settings.PAGE_CACHE_SECONDS = 0
    offering = OfferingPage.objects.get(slug="angebot-01", locale__language_code="de")
    offering.valid_until = datetime.date.today() - datetime.timedelta(days=1)
    offering.save_revision().publish()
    assert "Digitalisierungs-Check vor Ort" not in client.get(URL).text


def test_an_expired_offering_says_so_on_its_page(client, db):
    text = client.get(URL + "angebot-08/").text
    assert "Dieses Angebot ist abgelaufen." in text
    assert "Zuletzt geprüft am" in text


def test_offering_page_shows_what_a_company_needs_to_know(client, db):
    text = client.get(URL + "angebot-02/").text
    assert "<h1>Förderprogramm Digitale Arbeit</h1>" in text
    assert "Wirtschaftsförderung Kreis Kleve (Demo)" in text
    assert "gefördert (Anteil) (50 % gefördert)" in text
    assert "So geht die Anmeldung" in text and "Dieses Angebot ist abgelaufen." not in text


def test_filters_cost_and_keyword_combine(client, db):
    text = client.get(URL, {"art": "foerderung"}).text
    assert "2 Angebote" in text  # 4 funding offers, two have ended
    text = client.get(URL, {"art": "beratung"}).text
    assert "5 Angebote" in text
    text = client.get(URL, {"art": "beratung", "region": "kreis-kleve"}).text
    assert "2 Angebote" in text
    text = client.get(URL, {"kosten": "free", "q": "Netzwerk"}).text
    assert "Netzwerk Digitale Pflege" in text and "Go-Digital" not in text
    assert 'value="free" id="f-kosten-free" checked' in text
    assert 'value="Netzwerk"' in text


def test_nothing_found_explains_and_resets(client, db):
    text = client.get(URL, {"q": "Raumfahrt"}).text
    assert "0 Angebote" in text and "Kein aktuelles Angebot passt" in text
    assert f'<a href="{URL}">alle Filter zurücksetzen</a>' in text


@pytest.mark.parametrize(
    "params",
    [
        {"art": "zzz"},
        {"kosten": "gratis"},
        {"q": "x" * 3000},
        {"seite": "abc"},
        {"groesse": ["a"] * 50},
    ],
)
def test_malformed_input_gives_a_normal_page(client, db, params):
    assert client.get(URL, params).status_code == 200


def test_finder_queries_stay_flat(client, db, settings):
    settings.PAGE_CACHE_SECONDS = 0
    finder = OfferingIndexPage.objects.get(locale__language_code="de")
    template = OfferingPage.objects.filter(locale__language_code="de").first()
    params = {"art": "beratung", "region": "ruhrgebiet"}

    def count():
        client.get(URL, params)
        with CaptureQueriesContext(connection) as queries:
            client.get(URL, params)
        return len(queries)

    few = count()
    for n in range(300):
        page = OfferingPage(
            title=f"Beratung {n}",
            slug=f"beratung-last-{n}",
            kind=OfferingType.objects.get(slug="beratung"),
            provider=template.provider,
            summary="Kurz",
            target_group="KMU",
            how_to_apply="<p>x</p>",
            live=True,
        )
        finder.add_child(instance=page)
        page.regions.add(*template.regions.all())
        page.save()
    many = count()
    assert few == many and many <= 20, (few, many)


def test_offerings_reach_the_site_through_the_contract(client, db):
    assert registry.key_figures["hub.offerings"].count() == 17
    assert "Unterstützungsangebote" in client.get("/suche/", {"q": "Beratung"}).text
    assert "Digitalisierungs-Check vor Ort" in client.get("/feeds/angebote/rss/").text


def test_guided_finder_leads_to_the_filtered_list(client, db):
    page = client.get(URL + "passend/")
    assert page.status_code == 200
    text = page.text
    assert "<h1>Welche Unterstützung passt zu uns?</h1>" in text
    assert text.count('<fieldset class="question">') == 5
    assert (
        f'action="{URL}" method="get"' in text.replace("\n", " ")
        or f'method="get" action="{URL}"' in text
    )
    # its answers are the list's own filters
    for name in (
        'name="groesse"',
        'name="branche"',
        'name="region"',
        'name="art"',
        'name="kosten"',
    ):
        assert name in text
    result = client.get(
        URL, {"groesse": "1-9", "region": "ruhrgebiet", "art": "beratung", "kosten": "free"}
    )
    assert "1 Angebot" in result.text and "Digitalisierungs-Check vor Ort" in result.text
    assert URL + "passend/" in client.get("/sitemap.xml").text


def test_editors_see_offerings_to_check_and_can_export_them(
    client, db, django_user_model, settings
):
    settings.OFFERING_CHECK_MONTHS = 6
    client.force_login(django_user_model.objects.get(username="redaktion"))
    today = datetime.date.today()
    stale = OfferingPage.objects.get(slug="angebot-01", locale__language_code="de")
    stale.last_checked = today - datetime.timedelta(days=200)
    stale.save_revision().publish()
    ending = OfferingPage.objects.get(slug="angebot-02", locale__language_code="de")
    ending.last_checked = today
    ending.valid_until = today + datetime.timedelta(days=10)
    ending.save_revision().publish()
    fresh = OfferingPage.objects.get(slug="angebot-03", locale__language_code="de")
    fresh.last_checked = today
    fresh.save_revision().publish()
    text = client.get("/admin/angebote-pruefen/").text
    assert "Zu prüfende Angebote" in text
    assert "Digitalisierungs-Check vor Ort" in text  # not checked for 200 days
    assert "Förderprogramm Digitale Arbeit" in text  # ends in 10 days
    assert "Lotsenausbildung am Berufskolleg" not in text  # checked today, ends later
    # Real dates, also in the future (Wagtail's date column said "Jetzt gerade").
    assert ending.valid_until.strftime("%d.%m.%Y") in text
    assert stale.last_checked.strftime("%d.%m.%Y") in text
    assert "Jetzt gerade" not in text
    export = client.get("/admin/angebote-pruefen/", {"export": "csv"})
    csv = b"".join(export.streaming_content).decode()
    assert csv.startswith("Titel,Anbieter,Zuletzt geprüft,Gültig bis")
    assert "Digitalisierungs-Check vor Ort" in csv


def test_the_report_is_for_editors_only(client, db):
    response = client.get("/admin/angebote-pruefen/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def _titles(client, params=None):
    """The titles of every offering the list shows for these filters, on all its pages."""
    titles, number = set(), 1
    while True:
        text = client.get(URL, {**(params or {}), "seite": number}).text.replace("\xad", "")
        titles |= set(re.findall(r'<h3><a href="/angebote/[^"]+/">([^<]+)</a></h3>', text))
        if 'rel="next"' not in text:
            return titles
        number += 1


def test_the_industry_narrows_to_its_offerings_and_those_open_to_every_industry(client, db):
    everything = _titles(client)
    handwerk = _titles(client, {"branche": "handwerk"})
    assert {"Go-Digital-Beratung Handwerk", "Stammtisch Digitales Handwerk"} <= handwerk
    assert "Digitalisierungs-Check vor Ort" in handwerk  # open to every industry
    assert "Netzwerk Digitale Pflege" not in handwerk  # for care only
    assert "Unternehmensnetzwerk Logistik Niederrhein" not in handwerk
    assert len(handwerk) < len(everything)
    # the facet's count says the same as the list
    text = client.get(URL).text
    count = re.search(
        r'value="handwerk" id="f-branche-handwerk">\s*<label[^>]*>Handwerk '
        r'<span class="count">\((\d+)\)',
        text,
    )
    assert count and int(count[1]) == len(handwerk)


def test_the_guided_finders_answers_show_above_the_results_and_can_be_changed(client, db):
    answers = {
        "antworten": "1",
        "groesse": "1-9",
        "branche": "handwerk",
        "region": "ruhrgebiet",
        "kosten": "free",
    }
    text = client.get(URL, answers).text
    section = text[text.index('<section class="answers"') : text.index("</section>")]
    assert '<h2 id="answers-heading">Ihre Antworten</h2>' in section
    for label, answer in (
        ("Unternehmensgröße", "1–9 Beschäftigte"),
        ("Branche", "Handwerk"),
        ("Region", "Ruhrgebiet"),
        ("Kosten", "kostenfrei"),
    ):
        assert f"<dt>{label}</dt><dd>{answer}</dd>" in section, label
    change = re.search(r'<a href="(/angebote/passend/\?[^"]+)">Antworten ändern</a>', section)
    assert change
    again = client.get(change[1].replace("&amp;", "&")).text
    for checked in (
        'id="g-size-1-9" checked',
        'id="g-industry-handwerk" checked',
        'id="g-region-ruhrgebiet" checked',
        'id="g-cost-free" checked',
    ):
        assert checked in again, checked
    assert 'id="g-industry-other" checked' not in again
    # without the finder, the list offers the questions instead
    plain = client.get(URL, {"groesse": "1-9"}).text
    assert "Ihre Antworten" not in plain and "Fünf Fragen" in plain


def test_an_offering_leads_back_to_the_results_and_to_its_contact(client, db):
    text = client.get(URL + "angebot-02/").text
    assert '<a href="/angebote/" data-back-to-results>Zurück zu den Ergebnissen</a>' in text
    cta = text[text.index('<p class="call-to-action">') :]
    cta = cta[: cta.index("</p>")]
    assert '<a class="button button--large" href="#offer-contact">Kontakt aufnehmen</a>' in cta
    assert 'href="#offer-apply">So geht die Anmeldung</a>' in cta
    assert 'id="offer-contact"' in text and 'id="offer-apply"' in text
