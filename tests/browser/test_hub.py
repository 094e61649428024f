"""The story filters in a browser: in place with JavaScript, by form without."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_filters_update_in_place_and_keep_focus(site_url, context):
    page = context.new_page()
    page.goto(site_url + "/praxisbeispiele/")
    page.evaluate("window.__notReloaded = true")
    checkbox = page.get_by_role("group", name="Branche").get_by_label("Logistik (3)")
    checkbox.focus()
    page.keyboard.press("Space")
    expect(page.locator(".results__count")).to_contain_text("3 Praxisbeispiele")
    assert page.evaluate("window.__notReloaded === true")
    assert "branche=logistik" in page.url
    assert checkbox.evaluate("e => e === document.activeElement")
    assert page.locator("#results .card").count() == 3
    # the new count is read out from a live region that stays in place
    expect(page.locator("[data-results-status][role=status]")).to_have_text("3 Praxisbeispiele")
    # the counts of the other facets follow the choice
    assert page.get_by_label("Kreis Kleve (ländlich) (2)").count() == 1


def test_filters_work_without_javascript(site_url, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/praxisbeispiele/")
    page.get_by_label("Gesundheit und Pflege (4)").check()
    page.get_by_role("button", name="Filter anwenden").click()
    assert "branche=gesundheit" in page.url
    assert "4 Praxisbeispiele" in page.locator(".results__count").inner_text()
    page.get_by_role("link", name="Alle Filter zurücksetzen").click()
    assert "12 Praxisbeispiele" in page.locator(".results__count").inner_text()
    context.close()


def test_guided_finder_by_keyboard_alone(site_url, context):
    page = context.new_page()
    page.goto(site_url + "/angebote/passend/")
    page.get_by_label("1–9 Beschäftigte").focus()
    page.keyboard.press("Space")  # question 1: the first size band
    page.keyboard.press("Tab")  # question 2: "another industry" is chosen already
    page.keyboard.press("ArrowUp")  # the one above it: Handwerk
    page.keyboard.press("Tab")  # on to question 3
    page.keyboard.press("Space")  # Ruhrgebiet
    page.keyboard.press("Tab")  # question 4, first need: advice
    page.keyboard.press("Space")
    page.get_by_label("kostenfrei").focus()
    page.keyboard.press("Space")
    page.keyboard.press("Enter")  # submits the form
    expect(page.locator(".results__count")).to_contain_text("1 Angebot")
    assert "groesse=1-9" in page.url and "art=beratung" in page.url and "kosten=free" in page.url
    assert "branche=handwerk" in page.url
    answers = page.get_by_role("region", name="Ihre Antworten")
    assert "Handwerk" in answers.inner_text() and "Ruhrgebiet" in answers.inner_text()
    assert page.get_by_text("Digitalisierungs-Check vor Ort").is_visible()


PHONE = {"width": 390, "height": 844}
LISTINGS = ("/praxisbeispiele/", "/angebote/", "/veranstaltungen/", "/werkzeugkasten/")


@pytest.mark.parametrize("javascript", [True, False])
def test_on_a_phone_results_come_first_and_filters_fold_behind_one_button(
    site_url, browser, javascript
):
    context = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
    page = context.new_page()
    for path in LISTINGS:
        page.goto(site_url + path)
        first = page.locator("#results :is(.card, .offer, .event-card, article, li)").first
        top = first.evaluate("e => e.getBoundingClientRect().top")
        assert top < PHONE["height"], f"{path}: the first result starts at {top} px"
        assert not page.locator(".filter-group").first.is_visible(), path
    page.goto(site_url + "/praxisbeispiele/")
    page.locator("summary.filters__summary").click()
    page.get_by_role("group", name="Branche").get_by_label("Logistik (3)").check()
    if javascript:
        expect(page.locator(".results__count")).to_contain_text("3 Praxisbeispiele")
    else:
        page.get_by_role("button", name="Filter anwenden").click()
    assert "3 Praxisbeispiele" in page.locator(".results__count").inner_text()
    if not javascript:  # a new page: the filters folded again, with the number chosen
        summary = page.locator(".filters__summary").text_content()
        assert " ".join(summary.split()) == "Filter (1 gewählt)"  # shown as "Filter (1)"
        assert not page.locator(".filter-group").first.is_visible()
    # an option that would find nothing now is dimmed and says so
    empty = page.locator(".filter-option--empty label")
    assert empty.count() >= 1 and "keine Treffer" in empty.first.text_content()
    context.close()


def test_on_wide_screens_the_filters_stand_open_beside_the_results(site_url, browser):
    for javascript in (True, False):
        context = browser.new_context(
            viewport={"width": 1366, "height": 900}, java_script_enabled=javascript
        )
        page = context.new_page()
        page.goto(site_url + "/praxisbeispiele/")
        assert page.locator(".filter-group").first.is_visible()
        filters = page.locator("form.filters").bounding_box()
        results = page.locator("#results").bounding_box()
        assert filters["x"] + filters["width"] <= results["x"]
        context.close()


def test_back_to_the_results_keeps_the_filters(site_url, context):
    page = context.new_page()
    page.goto(site_url + "/angebote/?art=beratung&kosten=free")
    with page.expect_navigation():
        page.locator("#results h3 a").first.click()
    back = page.get_by_role("link", name="Zurück zu den Ergebnissen")
    with page.expect_navigation():
        back.click()
    assert page.url == site_url + "/angebote/?art=beratung&kosten=free"
    # Arriving from elsewhere, it leads to the list itself.
    page.goto(site_url + "/angebote/angebot-02/")
    assert back.get_attribute("href") == "/angebote/"
