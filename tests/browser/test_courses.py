"""A learner in a browser, by keyboard alone: enrols in a course, writes a reflection,
marks a lesson done, takes a self-check (wrong, then right) and finds the way back on
the dashboard; axe-core finds nothing on the course, module, lesson and dashboard
pages, logged in, in every state they pass through."""

import re

import pytest
from playwright.sync_api import expect

from .test_accessibility import Scan

pytestmark = pytest.mark.browser

COURSE = "/kurse/weiterbildungsmentoring/"
LOTSE = "/kurse/lotsenausbildung/"
MODULE = COURSE + "rolle-und-auftrag/"
FIRST = MODULE + "was-mentorinnen-tun/"
QUIZ = MODULE + "faehigkeiten-sehen/"
DASHBOARD = "/kurse/meine-kurse/"
MAX_TABS = 150

LOGIN = """
import importlib
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth import get_user_model
user, _ = get_user_model().objects.get_or_create(username="tastatur")
store = importlib.import_module(settings.SESSION_ENGINE).SessionStore()
store[SESSION_KEY] = str(user.pk)
store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
store[HASH_SESSION_KEY] = user.get_session_auth_hash()
store.create()
print("SESSION", settings.SESSION_COOKIE_NAME, store.session_key)
"""


@pytest.fixture
def learner_context(context, manage, site_url):
    """A browser context with the session of a new learner, as after logging in."""
    name, key = re.search(r"SESSION (\S+) (\S+)", manage("shell", "-c", LOGIN)).groups()
    host = site_url.split("//", 1)[1].split(":")[0]
    context.add_cookies([{"name": name, "value": key, "domain": host, "path": "/"}])
    return context


def tab_to(page, locator):
    """Press Tab until ``locator`` has the focus: it is reachable by keyboard."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if locator.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"{locator} is not reached with Tab")


def test_a_learner_works_through_a_lesson_by_keyboard(learner_context, site_url, artifacts):
    scan = Scan(site_url, learner_context)
    page = scan.page

    # The course, not yet enrolled: enrol with the keyboard.
    scan.visit(COURSE)
    scan.check("course (not enrolled)")
    tab_to(page, page.get_by_role("button", name="In diesen Kurs einschreiben"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator("main")).to_contain_text("Sie sind jetzt in „Weiterbildungsmentor*innen")
    expect(page.locator("#kursfortschritt")).to_have_text("0 von 4 Lektionen erledigt")
    scan.check("course (enrolled)", fresh_load=False)
    page.screenshot(path=artifacts / "course-enrolled.png", full_page=True)

    scan.visit(MODULE)
    scan.check("module")

    # The first lesson: a private reflection, then "mark as done".
    scan.visit(FIRST)
    scan.check("lesson")
    tab_to(page, page.get_by_label("Ihre Antwort"))
    page.keyboard.type("Ich frage zuerst, was die Kollegin schon alles kann.")
    page.keyboard.press("Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator("main")).to_contain_text("Ihre Antwort ist gespeichert.")
    expect(page.get_by_label("Ihre Antwort")).to_have_value(
        "Ich frage zuerst, was die Kollegin schon alles kann."
    )
    tab_to(page, page.get_by_role("button", name="Als erledigt markieren"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator("main")).to_contain_text("Gut gemacht: Diese Lektion ist erledigt.")
    expect(page.locator("#kursfortschritt")).to_have_text("1 von 4 Lektionen erledigt")
    scan.check("lesson (done)", fresh_load=False)

    # The self-check: a wrong answer first, then the right one.
    scan.visit(QUIZ)
    scan.check("lesson with self-check")
    first_question = page.get_by_role("group", name=re.compile("Frage 1 von 2"))
    second_question = page.get_by_role("group", name=re.compile("Frage 2 von 2"))
    tab_to(page, first_question.get_by_role("radio").first)
    page.keyboard.press("Space")  # „Wobei fragen andere Sie um Rat?“ – right
    page.keyboard.press("Tab")
    assert second_question.get_by_role("radio").first.evaluate(
        "element => element === document.activeElement"
    )
    page.keyboard.press("Space")  # informing the HR department unasked – wrong
    tab_to(page, page.get_by_role("button", name="Antworten prüfen"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    result = page.locator(".quiz-result")
    expect(result).to_contain_text("Noch nicht bestanden")
    expect(result).to_contain_text("1 von 2 Fragen richtig (50 %).")
    expect(page.locator("main")).to_contain_text("Nur mit ihrer Zustimmung.")
    page.screenshot(path=artifacts / "lesson-quiz-feedback.png", full_page=True)
    scan.check("lesson with self-check (not passed)", fresh_load=False)

    tab_to(page, second_question.get_by_role("radio", checked=True))
    page.keyboard.press("ArrowDown")  # „Ich gebe es nur mit ihrer Zustimmung weiter.“
    tab_to(page, page.get_by_role("button", name="Antworten erneut prüfen"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(result).to_contain_text("Bestanden")
    expect(result).to_contain_text("2 von 2 Fragen richtig (100 %).")
    expect(page.locator("#kursfortschritt")).to_have_text("2 von 4 Lektionen erledigt")
    scan.check("lesson with self-check (passed)", fresh_load=False)
    page.screenshot(path=artifacts / "lesson-quiz-passed.png", full_page=True)

    # The dashboard leads on to the next lesson.
    scan.visit(DASHBOARD)
    scan.check("dashboard")
    expect(page.locator("main")).to_contain_text("2 von 4 Lektionen erledigt")
    onwards = page.get_by_role("link", name=re.compile("Weiter, wo ich aufgehört habe"))
    tab_to(page, onwards)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(COURSE + "beraten-und-begleiten/angebote-finden/")
    page.goto(site_url + DASHBOARD)
    page.screenshot(path=artifacts / "dashboard.png", full_page=True)
    scan.visit(COURSE)
    page.screenshot(path=artifacts / "course-progress.png", full_page=True)

    elements = sum(count for _, _, count, _ in scan.violations)
    print(
        f"\naxe-core on course pages, logged in: {len(scan.scanned)} states scanned, "
        f"{len(scan.violations)} violations ({elements} elements)"
    )
    assert not scan.violations, "axe-core violations:\n" + "\n".join(
        description for *_, description in scan.violations
    )
    assert not scan.problems, "\n".join(scan.problems)
    assert not scan.other_hosts(), scan.other_hosts()


def test_a_key_a_locked_lesson_and_the_login(learner_context, browser, site_url, artifacts):
    """The Lotse training asks for a key (a wrong one is explained, the input kept) and
    opens lesson by lesson; without a login a lesson leads to the login page."""
    scan = Scan(site_url, learner_context)
    page = scan.page
    scan.visit(LOTSE)
    key = page.get_by_label("Einschreibeschlüssel")
    tab_to(page, key)
    page.keyboard.type("LOTSEN-1999")
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    expect(page.locator("#form-errors")).to_contain_text("passt nicht zu diesem Kurs")
    expect(key).to_have_value("LOTSEN-1999")
    expect(key).to_have_attribute("aria-invalid", "true")
    scan.check("course (wrong key)", fresh_load=False)
    page.screenshot(path=artifacts / "course-wrong-key.png", full_page=True)
    key.fill("")
    tab_to(page, key)
    page.keyboard.type("lotsen-2026")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator("#kursfortschritt")).to_have_text("0 von 12 Lektionen erledigt")

    scan.visit(LOTSE + "zwischenmenschliches/kompetenzstufen/")
    expect(page.locator("main")).to_contain_text("Diese Lektion ist noch gesperrt")
    # It opens after the lesson right before it; the way there starts at the first.
    expect(page.locator("main")).to_contain_text(
        "Diese öffnet sich, sobald Sie „Mit Menschen arbeiten, mit denen man sonst wenig zu "
        "tun hat“ erledigt haben."
    )
    expect(page.locator("main")).to_contain_text(
        "Machen Sie mit „Was ein Lotse im Reverse Mentoring tut“ weiter"
    )
    scan.check("locked lesson")
    page.screenshot(path=artifacts / "lesson-locked.png", full_page=True)
    assert not scan.violations, "axe-core violations:\n" + "\n".join(
        description for *_, description in scan.violations
    )
    assert not scan.problems, "\n".join(scan.problems)

    anonymous = browser.new_context(locale="de-DE")
    response = anonymous.new_page().goto(site_url + LOTSE + "tandems-finden/rolle-des-lotsen/")
    assert response.url.endswith("?next=/kurse/lotsenausbildung/tandems-finden/rolle-des-lotsen/")
    assert not [c for c in anonymous.cookies() if c["name"] == "sessionid"]
    anonymous.close()


# Where the focus ring of a focused element falls: (problems, tag and id of the element).
# The ring (outline) lies between ``outline-offset`` and ``outline-offset`` plus its width
# around the element's box. Its own letters must lie inside it (umlauts and descenders
# reach beyond a tight line box), and no other text may lie under it.
FOCUS_RING = """
() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    const offset = parseFloat(style.outlineOffset) || 0;
    const width = style.outlineStyle === "none" ? 0 : parseFloat(style.outlineWidth) || 0;
    const problems = [];
    if (width < 2) problems.push("no visible focus ring");
    const box = el.getBoundingClientRect();
    const inner = {left: box.left - offset, top: box.top - offset,
                   right: box.right + offset, bottom: box.bottom + offset};
    const outer = {left: inner.left - width, top: inner.top - width,
                   right: inner.right + width, bottom: inner.bottom + width};
    const inside = (r, b) => r.left >= b.left && r.right <= b.right
        && r.top >= b.top && r.bottom <= b.bottom;
    const meets = (r, b) => r.left < b.right && r.right > b.left
        && r.top < b.bottom && r.bottom > b.top;
    const walker = document.createTreeWalker(document.querySelector("main"), NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const node = walker.currentNode;
        if (!node.textContent.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const r of range.getClientRects()) {
            if (r.width <= 1 || r.height <= 1) continue;  // visually hidden
            const own = el.contains(node);
            if (own ? !inside(r, inner) : meets(r, outer) && !inside(r, inner)) {
                problems.push((own ? "own text under the ring: " : "text under the ring: ")
                    + node.textContent.trim().slice(0, 40));
            }
        }
    }
    return [problems, el.tagName + "#" + el.id + (el.getAttribute("tabindex") || "")];
}
"""

CERTIFICATE = """
from django.contrib.auth import get_user_model
from django.utils import timezone
from courses.certificates.services import issue
from courses.models import CoursePage
from courses.learning.progress import enrol
user = get_user_model().objects.get(username="zertifikat")
course = CoursePage.objects.get(slug="lotsenausbildung", locale__language_code="de")
enrolment, _ = enrol(user, course)
enrolment.completed_at = timezone.now()
enrolment.save()
print("CODE", issue(None, enrolment).code)
"""


def test_a_certificate_is_downloaded_and_checked_by_keyboard(
    context, manage, browser, site_url, artifacts
):
    # A learner of their own, so that the other tests find theirs not enrolled.
    name, key = re.search(
        r"SESSION (\S+) (\S+)", manage("shell", "-c", LOGIN.replace("tastatur", "zertifikat"))
    ).groups()
    host = site_url.split("//", 1)[1].split(":")[0]
    context.add_cookies([{"name": name, "value": key, "domain": host, "path": "/"}])
    code = re.search(r"CODE (\S+)", manage("shell", "-c", CERTIFICATE)).group(1)
    scan = Scan(site_url, context)
    page = scan.page
    scan.visit(DASHBOARD)
    # No name in the profile: the certificate asks for the one to print first.
    scan.check("dashboard (certificate asks for the name)")
    field = page.get_by_label("Ihr Name auf dem Zertifikat")
    tab_to(page, field)
    page.keyboard.type("Zora Zertifikat")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(DASHBOARD)
    expect(page.locator("main")).to_contain_text("auf „Zora Zertifikat“ ausgestellt")
    download = page.get_by_role("link", name=re.compile("Ihr Zertifikat herunterladen"))
    expect(download).to_have_attribute("href", f"/zertifikat/{code}/pdf/")
    scan.check("dashboard (certificate)", fresh_load=False)

    # Anyone checks the code by keyboard, typed in small letters.
    reader = browser.new_context(locale="de-DE")
    check = Scan(site_url, reader)
    check.visit("/zertifikat/")
    check.check("certificate check (form)")
    field = check.page.get_by_label("Prüfcode")
    tab_to(check.page, field)
    check.page.keyboard.type(code.lower())
    with check.page.expect_navigation():
        check.page.keyboard.press("Enter")
    expect(check.page.locator("main")).to_contain_text("Dieses Zertifikat ist echt")
    expect(check.page.locator("main")).to_contain_text("Zora Zertifikat")
    check.check("certificate check (genuine)", fresh_load=False)
    check.page.screenshot(path=artifacts / "certificate-genuine.png", full_page=True)
    check.visit("/zertifikat/ABCD-EFGH-JKLM/", 404)
    expect(check.page.locator("main")).to_contain_text("Kein Zertifikat mit diesem Code")
    check.check("certificate check (unknown)")
    assert not reader.cookies(), "checking a certificate set a cookie"
    reader.close()
    for found in (scan, check):
        assert not found.violations, "axe-core violations:\n" + "\n".join(
            description for *_, description in found.violations
        )
        assert not found.problems, "\n".join(found.problems)


def _focus_lands_on(page, heading_id):
    problems, where = page.evaluate(FOCUS_RING)
    assert re.fullmatch(rf"H[23]#{heading_id}-1", where), f"the focus is on {where}"
    assert not problems, problems


def test_finishing_a_lesson_focuses_its_heading_and_leads_to_the_next(
    context, manage, site_url, artifacts
):
    """After "mark as done" and after a passed self-check the focus is on a heading whose
    ring cuts through no text, and a prominent button leads to the next lesson."""
    name, key = re.search(
        r"SESSION (\S+) (\S+)", manage("shell", "-c", LOGIN.replace("tastatur", "weiter"))
    ).groups()
    host = site_url.split("//", 1)[1].split(":")[0]
    context.add_cookies([{"name": name, "value": key, "domain": host, "path": "/"}])
    scan = Scan(site_url, context)
    page = scan.page
    scan.visit(COURSE)
    with page.expect_navigation():
        page.get_by_role("button", name="In diesen Kurs einschreiben").click()
    _focus_lands_on(page, "einschreibung")

    scan.visit(FIRST)
    expect(page.locator(".eyebrow")).to_contain_text(
        "Lektion 1 von 2 in Modul 1: Rolle und Auftrag"
    )
    tab_to(page, page.get_by_role("button", name="Als erledigt markieren"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(FIRST + "#abschluss")
    _focus_lands_on(page, "abschluss")
    expect(page.locator("#abschluss")).to_have_text("Lektion erledigt")
    page.screenshot(path=artifacts / "lesson-done-next.png", full_page=True)
    scan.check("lesson (done, way on)", fresh_load=False)

    # The next Tab reaches the way on; Enter opens the next lesson.
    page.keyboard.press("Tab")
    onwards = page.locator(".lesson-finish").get_by_role("link", name=re.compile("Nächste Lektion"))
    expect(onwards).to_be_focused()
    expect(onwards).to_be_visible()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(QUIZ)
    expect(page.locator(".eyebrow")).to_contain_text("Lektion 2 von 2 in Modul 1")

    page.get_by_role("group", name=re.compile("Frage 1 von 2")).get_by_role("radio").first.check()
    page.get_by_role("group", name=re.compile("Frage 2 von 2")).get_by_role("radio").nth(1).check()
    with page.expect_navigation():
        page.get_by_role("button", name="Antworten prüfen").click()
    assert page.url.endswith(QUIZ + "#selbsttest-ergebnis")
    _focus_lands_on(page, "selbsttest-ergebnis")
    expect(page.locator("#selbsttest-ergebnis")).to_have_text("Bestanden")
    next_module = page.locator(".quiz-result").get_by_role(
        "link", name=re.compile("Nächste Lektion")
    )
    expect(next_module).to_have_attribute("href", COURSE + "beraten-und-begleiten/angebote-finden/")
    page.screenshot(path=artifacts / "lesson-quiz-next.png", full_page=True)
    scan.check("lesson with self-check (passed, way on)", fresh_load=False)
    assert not scan.violations, "axe-core violations:\n" + "\n".join(
        description for *_, description in scan.violations
    )
    assert not scan.problems, "\n".join(scan.problems)
