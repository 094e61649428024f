"""Keyboard, no-JavaScript and form behaviour as people meet them in a browser."""

import pytest

pytestmark = pytest.mark.browser


def test_mobile_menu_works_without_javascript(site_url, browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(site_url + "/")
    wide = page.locator("nav.main-nav--wide")
    assert not wide.is_visible()
    link = page.locator("details.main-nav--narrow").get_by_role("link", name="Projekte")
    assert not link.is_visible()
    page.get_by_text("Menü", exact=True).click()
    assert link.is_visible()
    link.click()
    assert page.url == site_url + "/projekte/"
    context.close()


def test_escape_closes_the_mobile_menu(site_url, browser):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(site_url + "/")
    page.get_by_text("Menü", exact=True).click()
    assert page.locator("details.main-nav--narrow").get_attribute("open") is not None
    page.keyboard.press("Escape")
    assert page.locator("details.main-nav--narrow").get_attribute("open") is None
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    context.close()


def test_skip_link_and_visible_focus(site_url, context):
    page = context.new_page()
    page.goto(site_url + "/impressum/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert skip.evaluate("e => e === document.activeElement")
    assert skip.is_visible() and skip.bounding_box()["y"] >= 0
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return [document.activeElement.tagName, s.outlineStyle, s.boxShadow]; })()"
    )
    assert focused[0] == "A"
    assert focused[1] != "none" or focused[2] != "none", focused


def test_form_keeps_input_and_tells_what_is_wrong(site_url, context):
    page = context.new_page()
    response = page.goto(site_url + "/barrierefreiheit/feedback/")
    assert "set-cookie" not in response.headers
    page.get_by_label("Wo ist Ihnen die Barriere begegnet?").fill("Seite Projekte")
    page.get_by_label("E-Mail für eine Antwort").fill("keine-adresse")
    page.get_by_role("button", name="Absenden").click()
    summary = page.locator("#form-errors")
    assert summary.is_visible()
    assert summary.evaluate("e => e === document.activeElement")  # focus moves to the summary
    assert "2 Felder brauchen Ihre Aufmerksamkeit." in summary.inner_text()
    description = page.get_by_label("Beschreibung")
    assert description.get_attribute("aria-invalid") == "true"
    assert (
        "Dieses Feld muss ausgefüllt werden." in page.locator("#id_beschreibung_error").inner_text()
    )
    assert (
        page.get_by_label("Wo ist Ihnen die Barriere begegnet?").input_value() == "Seite Projekte"
    )
    assert page.get_by_label("E-Mail für eine Antwort").input_value() == "keine-adresse"
    summary.get_by_role("link", name="Beschreibung: Dieses Feld muss ausgefüllt werden.").click()
    assert description.evaluate("e => e === document.activeElement")


def test_screenshots(site_url, browser, artifacts):
    """Pictures of the main page types at desktop and phone width, for people to look at."""
    shots = [
        ("/", "home", 1280),
        ("/", "home-phone", 375),
        ("/projekte/mentoring-4-0/", "programme", 1280),
        ("/suche/?q=Mentoring", "search", 1280),
        ("/en/", "home-english", 1280),
        ("/barrierefreiheit/feedback/", "form", 375),
    ]
    for path, name, width in shots:
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        page.goto(site_url + path)
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= width, f"{path} is {scroll_width}px wide at {width}px"
        page.screenshot(path=artifacts / f"{name}.png", full_page=True)
        context.close()
    assert (artifacts / "home.png").stat().st_size > 10_000
