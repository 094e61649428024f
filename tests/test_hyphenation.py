"""Soft hyphens in long words (cms/hyphenation.py, the ``hyphenate`` filter)."""

from django.template import Context, Template
from django.test import Client
from django.utils import translation
from django.utils.safestring import mark_safe

from cms.hyphenation import SOFT_HYPHEN, hyphenate


def shown(text):
    return text.replace(SOFT_HYPHEN, "-")


def test_long_german_words_get_breaks_where_german_allows_them():
    assert shown(hyphenate("Partnerorganisationen", "de")) == "Part-ner-or-ga-ni-sa-tionen"
    assert shown(hyphenate("generationenübergreifend", "de")) == "gene-ra-tionen-über-grei-fend"


def test_no_break_leaves_a_single_letter_and_short_words_stay_whole():
    assert "-o-" not in shown(hyphenate("Generationen", "de"))
    assert hyphenate("Tandem und Lotse", "de") == "Tandem und Lotse"
    assert hyphenate("2026-12-04 Zukunftshub2026", "de").startswith("2026-12-04")


def test_english_words_use_the_english_patterns():
    assert shown(hyphenate("organisations", "en")) == "organ-isa-tions"
    with translation.override("en"):
        assert SOFT_HYPHEN in hyphenate("transformation")


def test_tags_attributes_and_entities_stay_as_they_are():
    link = '<a href="/praxisbeispiele/pflegedokumentation/" title="Pflegedokumentation">'
    result = hyphenate(f"{link}Pflegedokumentation</a> &Auml;nderungsmitteilung", "de")
    assert result.startswith(link)
    assert shown(result).count("Pfle-ge-do-ku-men-ta-tion") == 1
    assert "&Auml;" in result


def test_the_filter_escapes_plain_text_and_keeps_safe_html():
    template = Template("{% load cms_tags %}{{ value|hyphenate }}")
    with translation.override("de"):
        plain = template.render(Context({"value": "<b>Weiterbildungsmentoring</b>"}))
        safe = template.render(Context({"value": mark_safe("<b>Weiterbildungsmentoring</b>")}))
    assert plain.startswith("&lt;b&gt;Wei")
    assert safe.startswith("<b>Wei") and SOFT_HYPHEN in safe


def test_listing_cards_and_headings_carry_soft_hyphens(db):
    client = Client()
    listing = client.get("/praxisbeispiele/").text
    assert f"Pfle{SOFT_HYPHEN}ge" in listing
    story = client.get("/praxisbeispiele/beispiel-03/").text
    assert f"<h1>Pfle{SOFT_HYPHEN}ge" in story
    assert "<title>Pflegedokumentation ohne Doppelarbeit" in story


def test_an_english_alias_of_a_german_page_breaks_its_words_as_german(db):
    """The English site shows untranslated pages in German: hyphenated as German."""
    german_h1 = hyphenate("Pflegedokumentation", "de")
    assert german_h1 != hyphenate("Pflegedokumentation", "en")  # the check could fail
    alias = Client().get("/en/praxisbeispiele/beispiel-03/")
    assert alias.status_code == 200
    assert f"<h1>{german_h1} ohne Dop" in alias.text
    listing = Client().get("/en/praxisbeispiele/").text
    assert f"<h1>{hyphenate('Praxisbeispiele', 'de')}</h1>" in listing
    # and a request that is not a page goes back to the interface's language
    translation.activate("en")
    assert Client().get("/en/search/", {"q": "x"}).status_code in (200, 404)
    assert hyphenate("Praxisbeispiele") == hyphenate("Praxisbeispiele", "en")
