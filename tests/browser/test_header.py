"""The header as visitors meet it: on a phone it takes at most 160 px before the content
and its "Menü" button opens the menu, the language and signing in (without JavaScript
too); from 1280 px the menu fits one line, and signing in does not add a row."""

import os

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
PAGES = ("/", "/angebote/", "/veranstaltungen/veranstaltung-01/", "/en/", "/kurse/")
LEARNER = "lernende@zukunftshub.example"
PASSWORD = os.environ.get("ZUKUNFTSHUB_DEMO_PASSWORD", "zukunft-demo")

HEADER_HEIGHT = "document.querySelector('.site-header').getBoundingClientRect().height"
# The top of each visible menu entry of the wide menu.
MENU_TOPS = """() => [...document.querySelectorAll('.main-nav--wide .menu a')]
    .map(a => Math.round(a.getBoundingClientRect().top))"""
# The top of each of the header's controls beside the brand.
TOOL_TOPS = """() => [...document.querySelectorAll('.site-tools :is(input, button, a)')]
    .filter(e => e.offsetParent).map(e => Math.round(e.getBoundingClientRect().top))"""


def _sign_in(page, site_url):
    page.goto(f"{site_url}/konto/anmelden/")
    page.fill("#id_login", LEARNER)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.press("#id_password", "Enter")


@pytest.mark.parametrize("javascript", [True, False])
def test_phone_header_is_short_and_its_menu_opens(site_url, browser, javascript):
    context = browser.new_context(locale="de-DE", viewport=PHONE, java_script_enabled=javascript)
    page = context.new_page()
    for path in PAGES:
        page.goto(site_url + path)
        height = page.evaluate(HEADER_HEIGHT)
        assert height <= 160, f"{path}: the header takes {height} px on a phone"
        assert not page.locator(".main-nav--wide").is_visible()
        assert not page.locator(".site-tools .language-switch").is_visible()
    page.goto(site_url + "/")
    menu = page.locator("details.main-nav--narrow")
    assert not menu.get_by_role("link", name="Praxisbeispiele").is_visible()
    menu.locator("summary").click()
    for name in ("Praxisbeispiele", "Angebotsfinder", "English", "Anmelden"):
        assert menu.get_by_role("link", name=name).is_visible(), name
    with page.expect_navigation():
        menu.get_by_role("link", name="Anmelden").click()
    assert page.url == f"{site_url}/konto/anmelden/?next=/"
    context.close()


def test_phone_header_stays_short_when_signed_in(site_url, browser):
    context = browser.new_context(locale="de-DE", viewport=PHONE)
    page = context.new_page()
    _sign_in(page, site_url)
    page.goto(site_url + "/kurse/")
    assert page.evaluate(HEADER_HEIGHT) <= 160
    menu = page.locator("details.main-nav--narrow")
    menu.locator("summary").click()
    assert menu.get_by_role("button", name="Abmelden").is_visible()
    context.close()


@pytest.mark.parametrize("width", [1280, 1366, 1920])
def test_menu_fits_one_line_and_signing_in_adds_no_row(site_url, browser, width):
    context = browser.new_context(locale="de-DE", viewport={"width": width, "height": 900})
    page = context.new_page()
    heights = {}
    for state in ("anonymous", "signed in"):
        if state == "signed in":
            _sign_in(page, site_url)
        for path in ("/", "/en/"):
            page.goto(site_url + path)
            tops = page.evaluate(MENU_TOPS)
            assert len(tops) >= 7 and len(set(tops)) == 1, f"{path} at {width}: {tops}"
            tools = page.evaluate(TOOL_TOPS)
            assert max(tools) - min(tools) < 20, f"{path} at {width} ({state}): tools in rows"
            heights[state, path] = page.evaluate(HEADER_HEIGHT)
    assert heights["anonymous", "/"] == heights["signed in", "/"], heights
    assert page.get_by_role("link", name="Lea Lernende").is_visible()
    context.close()
