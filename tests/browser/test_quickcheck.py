"""Taking the Quickcheck in a browser: with JavaScript the steps happen in the page, without
it the server takes them; all on one page counts the answers as they are given."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

URL = "/werkzeugkasten/quickcheck/"
QUESTIONS = URL + "fragen/?perspektive=unternehmen"


def _visible(page):
    return page.locator("fieldset.quickcheck__question:visible")


def _answer_by_keyboard(page):
    page.locator("fieldset.quickcheck__question:visible input[type=radio]").last.focus()
    page.keyboard.press("Space")


def test_with_javascript_the_steps_happen_in_the_page(site_url, context):
    documents = []
    context.on(
        "request",
        lambda r: documents.append((r.method, r.url)) if r.resource_type == "document" else None,
    )
    page = context.new_page()
    page.goto(site_url + QUESTIONS)
    progress = page.locator("#progress-text")
    expect(progress).to_have_text("Frage 1 von 9")
    expect(progress).to_have_attribute("aria-live", "polite")
    first = _visible(page)
    first_id = first.get_attribute("id")

    # Forward without an answer: told at the question, focus on its first answer.
    page.get_by_role("button", name="Weiter").click()
    error = first.locator(".field__error")
    expect(error).to_have_text("Bitte wählen Sie eine Antwort.")
    expect(error).to_have_attribute("role", "alert")
    assert error.get_attribute("id") in first.get_attribute("aria-describedby")
    assert page.evaluate("document.activeElement.type") == "radio"

    # Answering clears the message; Enter moves on, focus goes to the next question.
    _answer_by_keyboard(page)
    expect(error).to_have_count(0)
    page.keyboard.press("Enter")
    expect(progress).to_have_text("Frage 2 von 9")
    expect(page.locator(".quickcheck progress")).to_have_attribute("value", "2")
    expect(page.locator(f"#{first_id}")).to_be_hidden()
    second_id = _visible(page).get_attribute("id")
    assert page.evaluate("document.activeElement.id") == second_id

    # Back shows the first question with its answer.
    page.get_by_role("button", name="Zurück").click()
    expect(progress).to_have_text("Frage 1 von 9")
    expect(page.locator(f"#{first_id} input[type=radio]").last).to_be_checked()
    expect(page.get_by_role("button", name="Zurück")).to_be_hidden()
    page.get_by_role("button", name="Weiter").click()

    for number in range(2, 10):
        expect(progress).to_have_text(f"Frage {number} von 9")
        _answer_by_keyboard(page)
        if number == 9:
            expect(page.locator("button[data-forward]")).to_have_text("Mein Ergebnis anzeigen")
            with page.expect_navigation():
                page.keyboard.press("Enter")
        else:
            page.keyboard.press("Enter")
    assert "/ergebnis/" in page.url
    assert "Gut aufgestellt" in page.locator("main").inner_text()
    # One page load for the questions and one for sending them: no step went to the server.
    posts = [url for method, url in documents if method == "POST"]
    assert len(posts) == 1 and len([d for d in documents if "/fragen/" in d[1]]) == 2, documents


def test_without_javascript_the_server_takes_the_steps(site_url, browser):
    context = browser.new_context(java_script_enabled=False, locale="de-DE")
    page = context.new_page()
    page.goto(site_url + QUESTIONS)
    with page.expect_navigation():
        page.get_by_role("button", name="Weiter").click()
    expect(page.locator("#form-errors")).to_contain_text("Eine Frage braucht noch eine Antwort.")
    first_id = _visible(page).get_attribute("id")
    _visible(page).locator("input[type=radio]").last.check()
    with page.expect_navigation():
        page.get_by_role("button", name="Weiter").click()
    expect(page.locator("#progress-text")).to_have_text("Frage 2 von 9")
    with page.expect_navigation():
        page.get_by_role("button", name="Zurück").click()
    expect(page.locator(f"#{first_id} input[type=radio]").last).to_be_checked()
    for _ in range(12):
        _visible(page).locator("input[type=radio]").last.check()
        with page.expect_navigation():
            page.locator("button[data-forward]").click()
        if "/ergebnis/" in page.url:
            break
    assert "/ergebnis/" in page.url
    assert "Gut aufgestellt" in page.locator("main").inner_text()
    context.close()


def test_all_questions_on_one_page_count_the_answers(site_url, context, manage):
    manage(
        "shell",
        "-c",
        "from toolbox.models import QuickcheckPage\n"
        "page = QuickcheckPage.objects.get(slug='quickcheck', locale__language_code='de')\n"
        "if not QuickcheckPage.objects.filter(slug='quickcheck-auf-einer-seite').exists():\n"
        "    page.copy(keep_live=True, update_attrs={'slug': 'quickcheck-auf-einer-seite',"
        " 'title': 'Quickcheck auf einer Seite', 'one_per_screen': False})\n",
    )
    page = context.new_page()
    page.goto(
        site_url + "/werkzeugkasten/quickcheck-auf-einer-seite/fragen/?perspektive=unternehmen"
    )
    count = page.locator("#answered-count")
    expect(count).to_have_text("0 von 9 Fragen beantwortet")
    questions = page.locator("fieldset.quickcheck__question")
    assert questions.count() == 9 and _visible(page).count() == 9
    questions.nth(0).locator("input[type=radio]").first.check()
    expect(count).to_have_text("1 von 9 Fragen beantwortet")
    expect(page.locator("main progress")).to_have_attribute("value", "1")

    # Sending with gaps: the server names them and keeps the answer given.
    with page.expect_navigation():
        page.get_by_role("button", name="Mein Ergebnis anzeigen").click()
    expect(page.locator("#form-errors")).to_contain_text("8 Fragen brauchen noch eine Antwort.")
    expect(page.locator("#form-errors")).to_be_focused()
    expect(count).to_have_text("1 von 9 Fragen beantwortet")
    for index in range(1, 9):
        questions.nth(index).locator("input[type=radio]").last.check()
    expect(count).to_have_text("9 von 9 Fragen beantwortet")
    with page.expect_navigation():
        page.get_by_role("button", name="Mein Ergebnis anzeigen").click()
    assert re.search(r"/quickcheck-auf-einer-seite/ergebnis/[\w-]+/$", page.url), page.url


def test_the_result_reads_well_on_a_phone_and_its_link_can_be_copied(site_url, browser):
    context = browser.new_context(locale="de-DE", viewport={"width": 390, "height": 844})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    page = context.new_page()
    page.goto(site_url + QUESTIONS)
    for number in range(1, 10):
        expect(page.locator("#progress-text")).to_have_text(f"Frage {number} von 9")
        _answer_by_keyboard(page)
        if number == 9:
            with page.expect_navigation():
                page.keyboard.press("Enter")
        else:
            page.keyboard.press("Enter")
    assert "/ergebnis/" in page.url
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, "sideways scroll"
    assert not page.locator(".result-chart__wide svg").is_visible()
    sizes = page.eval_on_selector_all(
        ".result-chart__compact svg text", "els => els.map(e => e.getBoundingClientRect().height)"
    )
    # the rendered height of a line of text is a little more than its font size
    assert sizes and min(sizes) >= 12, sizes
    rows = page.locator(".result-table tbody tr")
    first, second = rows.nth(0).bounding_box(), rows.nth(1).bounding_box()
    assert second["y"] >= first["y"] + first["height"], "the rows are not stacked"
    label = (
        rows.nth(0).locator("td").nth(1).evaluate("td => getComputedStyle(td, '::before').content")
    )
    assert label == '"Anteil: "', label
    button = page.get_by_role("button", name="Link kopieren")
    button.click()
    expect(page.get_by_role("button", name="Link kopiert")).to_be_visible()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.locator("#private-link").input_value() and "/ergebnis/" in copied
    context.close()
