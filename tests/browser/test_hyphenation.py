"""Long German words break only where a hyphen may go, and show it, at every width.

Chromium on Linux has no German hyphenation dictionary, so ``hyphens: auto`` alone broke
"Pflegedokumentation" anywhere; the server's soft hyphens (cms/hyphenation.py) fix that.
The check reads where the browser actually put each letter: a letter that starts a new
line right after another letter must follow a soft hyphen.
"""

import pytest

from cms.hyphenation import hyphenate

pytestmark = pytest.mark.browser

WIDTHS = (390, 1366, 1920)
PAGES = (
    "/",
    "/praxisbeispiele/",
    "/praxisbeispiele/beispiel-03/",
    "/angebote/",
    "/veranstaltungen/",
    "/werkzeugkasten/",
    "/projekte/mentoring-4-0/",
    "/en/",
)
CHECKED = "h1, h2, h3, .card__title, .key-figure dt, .facts dt, .facts dd"

# Returns the texts of the checked elements that break inside a word without a hyphen.
BREAKS_INSIDE_WORDS = """(selector) => {
    const broken = [];
    for (const element of document.querySelectorAll(selector)) {
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        let top = null, previous = "", node;
        while ((node = walker.nextNode())) {
            const text = node.textContent;
            for (let i = 0; i < text.length; i++) {
                const letter = text[i];
                if (letter === "\\u00ad") { previous = letter; continue; }
                const range = document.createRange();
                range.setStart(node, i);
                range.setEnd(node, i + 1);
                // after a break at a soft hyphen, the first box is the hyphen shown
                const boxes = range.getClientRects();
                const box = boxes[boxes.length - 1];
                if (!box || box.width === 0) { previous = letter; continue; }
                if (top !== null && box.top > top + 2 && /\\p{L}/u.test(letter)
                        && /\\p{L}/u.test(previous)) {
                    broken.push(element.textContent.replaceAll("\\u00ad", "").trim());
                }
                top = box.top;
                previous = letter;
            }
        }
    }
    return broken;
}"""


@pytest.mark.parametrize("width", WIDTHS)
def test_words_break_only_at_hyphens(site_url, browser, width):
    context = browser.new_context(locale="de-DE", viewport={"width": width, "height": 900})
    page = context.new_page()
    broken = {}
    for path in PAGES:
        # The text's layout is what counts: no need to wait for pictures (the first visit
        # to a page makes their renditions), only for the typeface.
        page.goto(site_url + path, wait_until="domcontentloaded")
        page.evaluate("document.fonts.ready.then(() => true)")
        found = page.evaluate(BREAKS_INSIDE_WORDS, CHECKED)
        if found:
            broken[path] = found
    context.close()
    assert not broken


def test_the_check_sees_a_word_cut_without_a_hyphen(site_url, browser):
    """The check above can fail: a long word in a narrow heading, as the browser breaks
    it on its own and as the server's soft hyphens let it break."""
    context = browser.new_context(locale="de-DE", viewport={"width": 390, "height": 900})
    page = context.new_page()
    page.goto(site_url + "/praxisbeispiele/", wait_until="domcontentloaded")
    page.evaluate("document.fonts.ready.then(() => true)")
    page.evaluate(
        """() => {
            const probe = document.createElement("h2");
            probe.id = "probe";
            probe.style.width = "6em";
            probe.textContent = "Generationenübergreifend";
            document.querySelector("main").prepend(probe);
        }"""
    )
    assert "Generationenübergreifend" in page.evaluate(BREAKS_INSIDE_WORDS, "#probe")
    hyphenated = hyphenate("Generationenübergreifend", "de")
    page.evaluate("(text) => { document.getElementById('probe').textContent = text; }", hyphenated)
    assert page.evaluate(BREAKS_INSIDE_WORDS, "#probe") == []
    # it still wraps, now at a hyphen
    assert page.locator("#probe").evaluate(
        "e => e.offsetHeight > 1.5 * parseFloat(getComputedStyle(e).lineHeight)"
    )
    context.close()


def test_titles_carry_soft_hyphens_and_read_as_before(site_url, browser):
    context = browser.new_context(locale="de-DE", viewport={"width": 390, "height": 900})
    page = context.new_page()
    page.goto(site_url + "/praxisbeispiele/beispiel-03/", wait_until="domcontentloaded")
    page.evaluate("document.fonts.ready.then(() => true)")
    text = page.locator("h1").evaluate("e => e.textContent")
    assert "\u00ad" in text
    assert text.replace("\u00ad", "") == "Pflegedokumentation ohne Doppelarbeit"
    assert page.title().startswith("Pflegedokumentation ohne Doppelarbeit")
    context.close()
