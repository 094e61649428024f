"""Accounts in a browser: the demo learner signs in and out by keyboard alone, and the
sign-up, password reset, login, profile and delete-confirmation pages (their error
states included) pass axe-core (WCAG 2.1 A/AA) under the site's strict policy."""

import os

import pytest

from .test_accessibility import Scan

pytestmark = pytest.mark.browser

LEARNER = "lernende@zukunftshub.example"
# load_demo gives every demo account this password (as `make run` does).
PASSWORD = os.environ.get("ZUKUNFTSHUB_DEMO_PASSWORD", "zukunft-demo")
TAB_LIMIT = 60


def _tab_to(page, selector):
    """Press Tab until the focus is on an element matching selector."""
    for _ in range(TAB_LIMIT):
        page.keyboard.press("Tab")
        if page.evaluate("selector => document.activeElement.matches(selector)", selector):
            return
    pytest.fail(f"{selector} not reached with {TAB_LIMIT} Tab presses on {page.url}")


def _enter(page):
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_the_demo_learner_signs_in_and_out_by_keyboard(site_url, context, artifacts):
    scan = Scan(site_url, context)
    page = scan.page

    for path in ("/konto/registrieren/", "/konto/passwort/vergessen/"):
        scan.visit(path)
        scan.check(path)
        _tab_to(page, "main button[type=submit]")
        _enter(page)
        assert page.evaluate("document.activeElement.id") == "form-errors", path
        scan.check(f"{path} (sent empty)", fresh_load=False)

    # From the home page to the login through the header, by keyboard.
    scan.visit("/")
    _tab_to(page, "header a[href^='/konto/anmelden/']")
    _enter(page)
    assert page.url == f"{site_url}/konto/anmelden/?next=/"
    scan.check("/konto/anmelden/")
    page.screenshot(path=artifacts / "account-login.png", full_page=True)

    _tab_to(page, "#id_login")
    page.keyboard.type(LEARNER)
    page.keyboard.press("Tab")
    page.keyboard.type("nicht-das-passwort")
    _enter(page)
    assert page.evaluate("document.activeElement.id") == "form-errors"
    assert "Die E-Mail-Adresse oder das Passwort ist nicht richtig." in page.inner_text("main")
    scan.check("/konto/anmelden/ (wrong password)", fresh_load=False)
    page.screenshot(path=artifacts / "account-login-error.png", full_page=True)

    _tab_to(page, "#id_password")
    page.keyboard.type(PASSWORD)
    _enter(page)
    assert page.url == f"{site_url}/", "the login did not return to where it started"
    scan.check("/ (signed in)")
    assert "Sie sind angemeldet." in page.inner_text("main")

    _tab_to(page, "header a[href='/konto/']")
    assert "Lea Lernende" in page.evaluate("document.activeElement.textContent")
    _enter(page)
    scan.check("/konto/")
    page.screenshot(path=artifacts / "account-profile.png", full_page=True)
    size = page.viewport_size
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=artifacts / "account-profile-narrow.png", full_page=True)
    page.set_viewport_size(size)

    _tab_to(page, "main a[href='/konto/loeschen/']")
    _enter(page)
    scan.check("/konto/loeschen/")
    _tab_to(page, "main button[type=submit]")
    _enter(page)
    assert page.evaluate("document.activeElement.id") == "form-errors"
    scan.check("/konto/loeschen/ (sent empty)", fresh_load=False)
    page.screenshot(path=artifacts / "account-delete-error.png", full_page=True)

    _tab_to(page, "header form[action='/konto/abmelden/'] button")
    _enter(page)
    assert page.url == f"{site_url}/"
    assert "Sie haben sich abgemeldet." in page.inner_text("main")
    assert page.locator("header .site-tools a[href^='/konto/anmelden/']").is_visible()
    scan.check("/ (signed out)")

    elements = sum(count for _, _, count, _ in scan.violations)
    print(
        f"\naxe-core WCAG 2.1 A/AA on account pages: {len(scan.scanned)} states, "
        f"{len(scan.violations)} violations ({elements} elements), {len(scan.problems)} problems"
    )
    assert not scan.violations, "axe-core violations:\n" + "\n".join(
        description for *_, description in scan.violations
    )
    assert not scan.problems, "\n".join(scan.problems)
    assert not scan.other_hosts(), scan.other_hosts()
