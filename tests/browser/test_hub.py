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
    assert page.locator(".results__count").get_attribute("role") == "status"
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
    page.keyboard.press("Tab")  # on to question 2
    page.keyboard.press("Space")  # Ruhrgebiet
    page.keyboard.press("Tab")  # question 3, first need: advice
    page.keyboard.press("Space")
    page.get_by_label("kostenfrei").focus()
    page.keyboard.press("Space")
    page.keyboard.press("Enter")  # submits the form
    expect(page.locator(".results__count")).to_contain_text("1 Angebot")
    assert "groesse=1-9" in page.url and "art=beratung" in page.url and "kosten=free" in page.url
    assert page.get_by_text("Digitalisierungs-Check vor Ort").is_visible()
