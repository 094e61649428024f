"""Registering for an event as a visitor does it, on the demo events: by keyboard alone
(the error state included), without JavaScript, and onto the waiting list of the full
event; then through the links of the confirmation e-mail to confirm and to cancel.
Every page on the way passes axe-core (WCAG 2.1 A/AA), sets no cookie and asks no
other host."""

import json
import re
import subprocess
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from .conftest import BIN, ROOT
from .test_accessibility import Scan

pytestmark = pytest.mark.browser

NAME = "Erika Mustermann"
INVALID_EMAIL = "erika.mustermann(at)beispiel.de"
TAB_LIMIT = 120  # Tab presses allowed to reach a field from wherever the focus is
SEPARATOR = "-" * 79  # Django's console e-mail backend ends every message with it

# The German demo events as `manage.py shell` sees them: state, free places, waiting list.
EVENTS_CODE = """
import json
from hub.models import EventPage
from hub.events.services import free_places
rows = []
for event in EventPage.objects.live().filter(locale__language_code="de").order_by("path"):
    state = event.registration_state()
    rows.append({
        "path": event.get_url_parts()[2],
        "title": event.title,
        "state": state,
        "free": free_places(event) if state == "open" else 0,
        "group": event.max_group_size,
        "waiting": event.registrations.filter(status="waiting").count(),
    })
print(json.dumps(rows))
"""


@pytest.fixture
def shell(site_env):
    """`manage.py shell -c code` on the site under test; returns what it printed."""

    def run(code):
        result = subprocess.run(
            [str(BIN / "python"), "manage.py", "shell", "--no-imports", "-v", "0", "-c", code],
            cwd=ROOT,
            env=site_env,
            capture_output=True,
            text=True,
        )
        if result.returncode:
            pytest.fail(
                f"manage.py shell failed ({result.returncode}):\n{result.stdout}\n{result.stderr}",
                pytrace=False,
            )
        return result.stdout

    return run


@pytest.fixture
def events(shell):
    """The open demo event with free places (and group places), and the full one."""
    rows = json.loads(shell(EVENTS_CODE).strip().splitlines()[-1])
    free = [row for row in rows if row["state"] == "open" and row["free"] >= 3]
    full = [row for row in rows if row["state"] == "open" and not row["free"] and row["waiting"]]
    assert free, f"no open demo event with free places: {rows}"
    assert full, f"no full demo event with a waiting list: {rows}"
    # Prefer an event with group places: its form has every field.
    free.sort(key=lambda row: row["group"] > 1, reverse=True)
    return free[0], full[0]


@pytest.fixture
def mailbox(site_env):
    """The e-mails the site has sent: the console backend writes them to gunicorn's log."""
    return Path(site_env["ZUKUNFTSHUB_VAR_DIR"]) / "gunicorn.log"


def _address():
    return f"erika.{uuid.uuid4().hex[:12]}@beispiel.de"


def _mail_links(mailbox, address):
    """The paths of the confirmation and the cancellation link in the e-mail to address."""
    messages = [
        message for message in mailbox.read_text().split(SEPARATOR) if f"To: {address}" in message
    ]
    assert len(messages) == 1, f"{len(messages)} e-mails to {address} in {mailbox}"
    links = {}
    for route in ("bestaetigen", "stornieren"):
        found = re.findall(rf"^(https?://\S+/anmeldung/{route}/\S+/)$", messages[0], re.M)
        assert len(found) == 1, f"no single {route} link in the e-mail:\n{messages[0]}"
        links[route] = urlsplit(found[0]).path
    return links["bestaetigen"], links["stornieren"]


def _focused(page):
    return page.evaluate("() => document.activeElement.outerHTML.slice(0, 100)")


def _tab_to(page, selector):
    """Press Tab until the focus is on selector; fail with the way it took."""
    way = []
    for _ in range(TAB_LIMIT):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
        way.append(_focused(page))
    pytest.fail(f"{TAB_LIMIT} Tabs do not reach {selector}; focus went:\n" + "\n".join(way))


def _send_by_keyboard(page, name, email):
    """Fill a fresh registration form from the keyboard and send it with Enter."""
    _tab_to(page, "#anmeldung input[name=name]")
    page.keyboard.press("ControlOrMeta+A")
    page.keyboard.type(name)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "email", _focused(page)
    page.keyboard.press("ControlOrMeta+A")
    page.keyboard.type(email)
    _tab_to(page, "#anmeldung input[name=consent]")
    assert not page.evaluate("document.activeElement.checked"), "the consent came ticked"
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.checked"), "Space did not tick the consent"
    _tab_to(page, "#anmeldung button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_register_by_keyboard_accessible_and_private(site_url, context, events, mailbox, artifacts):
    event, full = events
    scan = Scan(site_url, context)
    page = scan.page
    registration = page.locator("#anmeldung")
    form = registration.locator("form[method=post]")

    # Reading: the event page with its free places.
    scan.visit(event["path"])
    expect(page.locator("h1")).to_have_text(event["title"])
    expect(registration).to_contain_text(f"{event['free']} Plätze sind frei.")
    expect(form.locator("button[type=submit]")).to_have_text("Zur Veranstaltung anmelden")
    page.screenshot(path=artifacts / "event-page.png", full_page=True)
    scan.check(f"{event['path']} (event)")
    scan.visit(full["path"])
    scan.check(f"{full['path']} (full event)")
    expect(registration).to_contain_text("Warteliste")
    cookies_after_reading = context.cookies()

    # Sent with an invalid e-mail: the summary takes the focus and links to the field,
    # and everything typed is kept.
    scan.visit(event["path"])
    _send_by_keyboard(page, NAME, INVALID_EMAIL)
    summary = page.locator("#form-errors")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Bitte prüfen Sie Ihre Eingaben")
    email = form.locator("input[name=email]")
    expect(email).to_have_value(INVALID_EMAIL)
    expect(form.locator("input[name=name]")).to_have_value(NAME)
    expect(form.locator("input[name=consent]")).to_be_checked()
    expect(email).to_have_attribute("aria-invalid", "true")
    error_id = f"{email.get_attribute('id')}_error"
    assert error_id in email.get_attribute("aria-describedby").split()
    expect(page.locator(f"#{error_id}")).to_be_visible()
    scan.check(f"{event['path']} (invalid e-mail)", fresh_load=False)
    registration.screenshot(path=artifacts / "event-form-errors.png")
    page.keyboard.press("Tab")
    link = summary.get_by_role("link", name="E-Mail-Adresse")
    expect(link).to_be_focused()
    page.keyboard.press("Enter")
    expect(email).to_be_focused()

    # Corrected from the keyboard and sent: the thanks page asks to confirm the e-mail.
    address = _address()
    page.keyboard.press("ControlOrMeta+A")
    page.keyboard.type(address)
    _tab_to(page, "#anmeldung button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/anmeldung/danke/?stand=pending" in page.url, page.url
    main = page.locator("main")
    expect(main.locator("h2")).to_have_text(
        "Fast geschafft: Bitte bestätigen Sie Ihre E-Mail-Adresse"
    )
    expect(main).to_contain_text("Wir haben Ihnen eine E-Mail mit einem Link geschickt.")
    scan.check("thanks (pending)", fresh_load=False)
    page.screenshot(path=artifacts / "event-thanks.png", full_page=True)

    # The links in the confirmation e-mail: confirm, then cancel (ask, then done).
    confirm_path, cancel_path = _mail_links(mailbox, address)
    scan.visit(confirm_path)
    expect(main.locator("h2")).to_have_text("Ihre Anmeldung ist bestätigt")
    scan.check("confirmation link")
    scan.visit(cancel_path)
    expect(main.locator("h2")).to_have_text("Anmeldung stornieren?")
    expect(main).to_contain_text(NAME)
    scan.check("cancellation link (ask)")
    _tab_to(page, "main button[type=submit]")
    expect(page.locator("main button[type=submit]")).to_have_text("Ja, meine Anmeldung stornieren")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(main.locator("h2")).to_have_text("Ihre Anmeldung ist storniert")
    scan.check("cancellation link (done)", fresh_load=False)

    # The full event: the same form puts a visitor on the waiting list.
    scan.visit(full["path"])
    _send_by_keyboard(page, NAME, _address())
    assert "/anmeldung/danke/?stand=waiting" in page.url, page.url
    expect(main.locator("h2")).to_have_text("Sie stehen auf der Warteliste")
    scan.check("thanks (waiting list)", fresh_load=False)

    other_hosts = scan.other_hosts()
    cookies_after_registering = context.cookies()
    elements = sum(count for _, _, count, _ in scan.violations)
    print(
        f"\naxe-core WCAG 2.1 A/AA on the event registration: {len(scan.scanned)} states "
        f"scanned ({', '.join(scan.scanned)}), {len(scan.violations)} violations "
        f"({elements} elements); {len(scan.requests)} requests, {len(other_hosts)} to other "
        f"hosts; {len(cookies_after_reading)} cookies after reading, "
        f"{len(cookies_after_registering)} after registering"
    )
    assert not scan.violations, "axe-core violations:\n" + "\n".join(
        description for *_, description in scan.violations
    )
    assert not scan.problems, "\n".join(scan.problems)
    assert not other_hosts, f"requests to other hosts: {sorted(other_hosts)}"
    assert not cookies_after_reading, f"cookies for a visitor who reads: {cookies_after_reading}"
    assert not cookies_after_registering, f"cookies after registering: {cookies_after_registering}"


def test_register_without_javascript(site_url, browser, events, mailbox):
    event, _ = events
    context = browser.new_context(locale="de-DE", java_script_enabled=False)
    try:
        scan = Scan(site_url, context)
        page = scan.page
        form = page.locator("#anmeldung form[method=post]")
        scan.visit(event["path"])
        form.get_by_label("Name").fill(NAME)
        form.get_by_label("E-Mail-Adresse").fill(INVALID_EMAIL)
        form.get_by_role("checkbox").check()
        with page.expect_navigation():
            form.get_by_role("button", name="Zur Veranstaltung anmelden").click()
        summary = page.locator("#form-errors")
        expect(summary).to_be_visible()
        expect(summary).to_be_focused()  # the form's address points at the summary
        email = form.locator("input[name=email]")
        link = summary.get_by_role("link", name="E-Mail-Adresse")
        assert link.get_attribute("href") == f"#{email.get_attribute('id')}"
        expect(email).to_have_value(INVALID_EMAIL)
        expect(form.locator("input[name=name]")).to_have_value(NAME)

        address = _address()
        email.fill(address)
        with page.expect_navigation():
            form.get_by_role("button", name="Zur Veranstaltung anmelden").click()
        assert "/anmeldung/danke/?stand=pending" in page.url, (
            page.url + "\n" + page.locator("main").inner_text()
        )
        expect(page.locator("main h2")).to_have_text(
            "Fast geschafft: Bitte bestätigen Sie Ihre E-Mail-Adresse"
        )
        confirm_path, _ = _mail_links(mailbox, address)
        scan.visit(confirm_path)
        expect(page.locator("main h2")).to_have_text("Ihre Anmeldung ist bestätigt")
        assert not context.cookies(), context.cookies()
        assert not scan.other_hosts(), scan.other_hosts()
        assert not scan.problems, scan.problems
    finally:
        context.close()
