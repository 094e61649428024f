"""Keyboard, no-JavaScript and form behaviour as people meet them in a browser.

The UI chrome is translated (German first); these tests hold on to structure,
roles, ids and the German demo content, not to the wording of UI labels.
"""

import pytest

pytestmark = pytest.mark.browser

FEEDBACK = "/barrierefreiheit/feedback/"
LOCATION = "Wo ist Ihnen die Barriere begegnet?"  # the demo form's fields
DESCRIPTION = "Beschreibung"
EMAIL = "E-Mail für eine Antwort"
THANK_YOU = "Vielen Dank! Ihre Rückmeldung ist bei der Redaktion angekommen"
FOCUS_STYLE = """el => {
    const style = getComputedStyle(el);
    return {
        element: el.outerHTML.slice(0, 80),
        outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
        shadow: style.boxShadow !== 'none',
    };
}"""

LOAD_LAZY_IMAGES = """async () => {
    const images = [...document.images];
    images.forEach(img => { img.loading = 'eager'; });
    await Promise.all(images.map(img => img.complete ? null : new Promise(done => {
        img.addEventListener('load', done); img.addEventListener('error', done);
    })));
}"""


def _is_focused(locator):
    return locator.evaluate("el => el === document.activeElement")


def test_mobile_menu_works_without_javascript(site_url, browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(site_url + "/")
    assert page.locator("nav.main-nav--wide").is_hidden()
    menu = page.locator("details.main-nav.main-nav--narrow")
    summary = menu.locator("summary")
    assert summary.is_visible()
    link = menu.get_by_role("link", name="Projekte", exact=True)
    assert link.is_hidden()
    summary.click()
    assert menu.get_attribute("open") is not None
    assert link.is_visible()
    assert menu.get_by_role("navigation").get_by_role("link").count() >= 3
    summary.click()
    assert link.is_hidden()
    summary.click()
    link.click()
    assert page.url == site_url + "/projekte/"
    context.close()


def test_desktop_shows_the_wide_menu_only(site_url, context):
    page = context.new_page()
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(site_url + "/")
    assert page.locator("nav.main-nav--wide").get_by_role("link", name="Projekte").is_visible()
    assert page.locator("details.main-nav--narrow").is_hidden()


def test_escape_closes_the_mobile_menu(site_url, browser):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(site_url + "/")
    menu = page.locator("details.main-nav--narrow")
    menu.locator("summary").click()
    assert menu.get_attribute("open") is not None
    page.keyboard.press("Escape")
    assert menu.get_attribute("open") is None
    assert _is_focused(menu.locator("summary"))
    context.close()


def test_skip_link_and_visible_focus(site_url, context):
    page = context.new_page()
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(site_url + "/")
    page.keyboard.press("Tab")
    skip = page.locator("a.skip-link")
    assert _is_focused(skip)
    assert skip.get_attribute("href") == "#main"
    box = skip.bounding_box()
    assert skip.is_visible() and box["y"] >= 0 and box["x"] >= 0, box  # on screen when focused
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    assert page.evaluate("document.activeElement.tagName") == "MAIN"
    # From <main> on, every stop of the Tab key shows where the focus is.
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('main')")
    seen = []
    for _ in range(40):
        focused = page.evaluate_handle("document.activeElement")
        if focused.evaluate("el => el === document.body"):
            break  # past the last element: focus left the page
        style = focused.evaluate(FOCUS_STYLE)
        seen.append(style)
        assert style["outline"] or style["shadow"], f"no visible focus on {style['element']}"
        page.keyboard.press("Tab")
    assert sum(s["element"].startswith("<a") for s in seen) >= 5, seen


def test_header_controls_show_focus(site_url, context):
    page = context.new_page()
    page.goto(site_url + "/")
    page.keyboard.press("Tab")  # skip link
    for _ in range(4):  # brand, search field, search button, language
        page.keyboard.press("Tab")
        style = page.evaluate_handle("document.activeElement").evaluate(FOCUS_STYLE)
        assert style["outline"] or style["shadow"], f"no visible focus on {style['element']}"


def test_feedback_form_is_cookie_free_keeps_input_and_tells_what_is_wrong(site_url, context):
    page = context.new_page()
    response = page.goto(site_url + FEEDBACK)
    assert response.status == 200
    assert response.header_value("set-cookie") is None  # all_headers, cookies included
    assert context.cookies() == []

    form = page.locator("main form[method=post]")
    location, description, email = (
        form.get_by_label(label) for label in (LOCATION, DESCRIPTION, EMAIL)
    )
    assert location.get_attribute("aria-required") == "true"
    assert description.get_attribute("aria-required") == "true"
    email.fill("leser@example.org")
    with page.expect_navigation():
        form.locator("[type=submit]").click()

    summary = page.locator("#form-errors")
    assert summary.is_visible()
    assert summary.get_attribute("role") == "alert"
    assert _is_focused(summary)  # site.js moves focus to the summary
    links = summary.locator("a")
    assert links.count() == 2
    assert {links.nth(i).get_attribute("href") for i in range(2)} == {
        "#" + location.get_attribute("id"),
        "#" + description.get_attribute("id"),
    }
    for field in (location, description):
        field_id = field.get_attribute("id")
        error = page.locator(f"#{field_id}_error")
        assert error.is_visible() and error.inner_text().strip()
        assert field.get_attribute("aria-invalid") == "true"
        assert f"{field_id}_error" in field.get_attribute("aria-describedby").split()
    assert email.get_attribute("aria-invalid") is None
    # The fields in error look different from the one without (here: a red border).
    border = "el => getComputedStyle(el).borderTopColor"
    assert location.evaluate(border) == description.evaluate(border) != email.evaluate(border)
    assert page.locator(f"#{email.get_attribute('id')}_error").count() == 0
    assert email.input_value() == "leser@example.org"  # what was typed is kept

    # The summary's links lead to the fields.
    links.filter(has_text=DESCRIPTION).click()
    assert _is_focused(description)

    location.fill("Seite Projekte")
    description.fill("Der Fokus ist im Menü nicht zu sehen.")
    with page.expect_navigation():
        form.locator("[type=submit]").click()
    assert THANK_YOU in page.locator("main").inner_text()
    assert page.locator("#form-errors").count() == 0


def test_screenshots(site_url, browser, artifacts):
    """Full-page pictures of the main page types for people to look at (test-artifacts/)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(site_url + "/")
    search = page.locator("header form[role=search]").first.get_attribute("action")
    context.close()
    shots = [
        ("/", "home-desktop", 1280),
        ("/", "home-mobile", 375),
        ("/projekte/mentoring-4-0/", "programme-desktop", 1280),
        ("/projekte/mentoring-4-0/", "programme-mobile", 375),
        (f"{search}?q=Mentoring", "search-desktop", 1280),
        ("/en/", "home-english-desktop", 1280),
        (FEEDBACK, "form-errors-desktop", 1280),
        (FEEDBACK, "form-errors-mobile", 375),
    ]
    for path, name, width in shots:
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        response = page.goto(site_url + path)
        assert response.status == 200, path
        if name.startswith("form-errors"):
            with page.expect_navigation():
                page.locator("main form[method=post] [type=submit]").click()
            assert page.locator("#form-errors").is_visible()
        page.evaluate(LOAD_LAZY_IMAGES)  # a full-page shot does not scroll them into view
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= width, f"{path} is {scroll_width}px wide at {width}px"
        page.screenshot(path=artifacts / f"{name}.png", full_page=True)
        context.close()
    assert (artifacts / "home-desktop.png").stat().st_size > 10_000
