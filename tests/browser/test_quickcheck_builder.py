"""Redaktion builds a Quickcheck of the demo's size from nothing in the real admin (two
perspectives, four dimensions, twelve questions with four answers, three results per
dimension with a recommended page), submits it; Freigabe approves; a visitor takes it."""

import pytest
from playwright.sync_api import expect

from tests.browser.admin import admin_login, footer_action, page_id

pytestmark = pytest.mark.browser

TITLE = "Quickcheck Digitale Zusammenarbeit"
SLUG = "quickcheck-digitale-zusammenarbeit"
PERSPECTIVES = ["Beschäftigte", "Geschäftsführung"]
DIMENSIONS = ["Werkzeuge", "Lernen im Team", "Wissen teilen", "Rückhalt"]
ANSWERS = ["Trifft nicht zu", "Trifft eher nicht zu", "Trifft eher zu", "Trifft voll zu"]
BANDS = [(0, "Am Anfang"), (40, "Unterwegs"), (75, "Weit gekommen")]


@pytest.fixture(autouse=True)
def leave_the_site_as_found(manage):
    yield
    manage(
        "shell",
        "-c",
        "from wagtail.models import Page\n"
        f"for page in Page.objects.filter(slug={SLUG!r}, alias_of__isnull=True):\n"
        "    page.delete()\n",
    )


def field(page, name):
    return page.locator(f"[name={name}]")


def build_structure(editor):
    for n, name in enumerate(PERSPECTIVES):
        field(editor, f"p{n}_name").fill(name)
    field(editor, "p0_intro").fill("Sie antworten für sich selbst.")
    for n, name in enumerate(DIMENSIONS):
        field(editor, f"d{n}_name").fill(name)
    editor.get_by_role("button", name="Speichern und weiter: Fragen").click()
    expect(editor.locator(".messages")).to_contain_text("Als Entwurf gespeichert")


def build_questions(editor):
    for n in range(12):
        new = editor.locator(f"#frage-{n + 1}")
        expect(new.get_by_role("heading", name="Neue Frage")).to_be_visible()
        field(editor, f"q{n}_text").fill(f"Frage {n + 1}: Wie gut gelingt das bei Ihnen?")
        if n == 0:
            for o, answer in enumerate(ANSWERS):
                new.get_by_label(f"Antwort {o + 1}", exact=True).fill(answer)
        else:  # the answers of the question before are already there
            expect(field(editor, f"q{n}_o3_label")).to_have_value(ANSWERS[3])
        if n < len(PERSPECTIVES):  # the first two questions are for one perspective each
            new.get_by_label(PERSPECTIVES[n]).check()
        dimension = DIMENSIONS[n % 4]
        for o in range(4):
            new.get_by_label(f"Punkte für {dimension}, Antwort {o + 1}", exact=True).fill(str(o))
        if n == 2:  # an answer may count for two dimensions
            new.get_by_label(f"Punkte für {DIMENSIONS[0]}, Antwort 4", exact=True).fill("1")
        last = n == 11
        name = "Speichern und weiter: Ergebnisse" if last else "Speichern und weitere Frage"
        editor.get_by_role("button", name=name).click()
        expect(editor.locator(".messages")).to_contain_text("Als Entwurf gespeichert")


def build_results(editor):
    for d, dimension in enumerate(DIMENSIONS):
        for b, (minimum, title) in enumerate(BANDS):
            expect(field(editor, f"b{d}_{b}_min")).to_have_value(str(minimum))
            field(editor, f"b{d}_{b}_title").fill(f"{title}: {dimension}")
            field(editor, f"b{d}_{b}_text").fill(f"Was {title.lower()} für {dimension} heißt.")
    # A recommendation for the best result of the first dimension, among German pages only.
    band = editor.locator("fieldset", has_text="Ergebnis 3 für Werkzeuge").last
    band.get_by_role("button", name="Seite auswählen").first.click()
    dialog = editor.locator(".modal-dialog")
    expect(dialog.get_by_role("columnheader", name="Sprache")).to_be_visible()
    expect(dialog.get_by_role("cell", name="Englisch")).to_have_count(0)
    dialog.get_by_label("Suchbegriff").fill("Ampel")
    dialog.get_by_role("link", name="Lücken finden mit der Ampel").click()
    expect(dialog).to_be_hidden()
    expect(band).to_contain_text("Lücken finden mit der Ampel (Deutsch)")
    editor.get_by_role("button", name="Speichern und zurück zum Seiteneditor").click()
    expect(editor.locator(".messages")).to_contain_text("Als Entwurf gespeichert")


def test_redaktion_builds_a_quickcheck_and_a_visitor_takes_it(browser, site_url, manage, artifacts):
    index = page_id(
        manage, "toolbox.ToolboxIndexPage", slug="werkzeugkasten", locale__language_code="de"
    )
    context = browser.new_context(locale="de-DE", viewport={"width": 1366, "height": 900})
    editor = admin_login(context, site_url, "redaktion")
    editor.goto(f"{site_url}/admin/pages/add/toolbox/quickcheckpage/{index}/")
    # A new Quickcheck shows no error boxes before anything is saved.
    expect(editor.locator(".error-message")).to_have_count(0)
    editor.locator("#id_title").fill(TITLE)
    editor.locator("#id_intro").fill("Zwölf Fragen zur Zusammenarbeit zwischen Jung und Alt.")
    expect(editor.locator("#id_slug")).to_have_value(SLUG)
    footer_action(editor, "Entwurf speichern")
    expect(editor.get_by_role("heading", name="Perspektiven", exact=True)).to_be_visible()
    build_structure(editor)
    build_questions(editor)
    editor.screenshot(path=str(artifacts / "quickcheck-builder-results.png"), full_page=False)
    build_results(editor)

    # Back in the page editor: the summary, the preview with a sample result, submitting.
    expect(editor.get_by_text("Werkzeuge, Lernen im Team, Wissen teilen, Rückhalt")).to_be_visible()
    editor.get_by_role("button", name="Vorschau umschalten").click()
    preview = editor.frame_locator("#w-preview-iframe")
    expect(preview.get_by_role("heading", name=TITLE)).to_be_visible()
    editor.screenshot(path=str(artifacts / "quickcheck-builder-preview.png"))
    footer_action(editor, "Zur Freigabe einreichen")
    expect(editor.locator(".messages")).to_contain_text("zur Freigabe")

    reviewer = admin_login(
        browser.new_context(locale="de-DE", viewport={"width": 1366, "height": 900}),
        site_url,
        "freigabe",
    )
    quickcheck = page_id(manage, "toolbox.QuickcheckPage", slug=SLUG)
    reviewer.goto(f"{site_url}/admin/pages/{quickcheck}/edit/")
    footer_action(reviewer, "Freigeben und veröffentlichen")
    expect(reviewer.locator(".messages")).to_contain_text("jetzt auf der Website sichtbar")

    # A visitor takes it as "Geschäftsführung": eleven questions, the best answers.
    visitor = browser.new_context(locale="de-DE").new_page()
    visitor.goto(f"{site_url}/werkzeugkasten/{SLUG}/")
    visitor.get_by_label("Geschäftsführung").check()
    visitor.get_by_role("button", name="Quickcheck starten").click()
    progress = visitor.locator("#progress-text")
    for number in range(1, 12):
        expect(progress).to_have_text(f"Frage {number} von 11")
        visitor.locator("fieldset.quickcheck__question:visible").get_by_label(ANSWERS[3]).check()
        if number < 11:
            visitor.get_by_role("button", name="Weiter").click()
    with visitor.expect_navigation():
        visitor.get_by_role("button", name="Mein Ergebnis anzeigen").click()
    result = visitor.locator("main")
    for dimension in DIMENSIONS:
        expect(result).to_contain_text(f"Weit gekommen: {dimension}")
    expect(result.get_by_role("link", name="Lücken finden mit der Ampel")).to_be_visible()
    visitor.screenshot(path=str(artifacts / "quickcheck-builder-taken.png"), full_page=True)
