"""Editors at work in the real admin, in Debian's Chromium: Redaktion writes a story with
an uploaded image, sees it in the preview panel and submits it; Freigabe requests
changes with a comment; Redaktion finds the comment on the edit screen, fixes and
resubmits; Freigabe approves and the story is live. A news item approved for a time
goes live by itself (manage.py run_scheduled beside the server, as in make run). The
preview panel shows every page type. Nothing in the admin is loaded from another host."""

import datetime
import io
import random
import re
import subprocess
import time
import urllib.error
import urllib.request
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from tests.browser.admin import admin_login, footer_action, page_id
from tests.liveserver import BIN, ROOT

pytestmark = pytest.mark.browser

STORY_TITLE = "Schreinerei Holzwerk: Aufträge übers Tablet"


CLEAN_UP = """
from wagtail.images import get_image_model
from wagtail.models import Page
slugs = ["schreinerei-holzwerk-auftraege-uebers-tablet", "lernreisen-2027", "foerderung-kurz"]
for page in Page.objects.filter(slug__in=slugs, alias_of__isnull=True):
    page.delete()
get_image_model().objects.filter(title="IMG_2041").delete()
"""


@pytest.fixture(autouse=True)
def leave_the_site_as_found(manage):
    """The other browser tests share this site and count its stories and news."""
    yield
    manage("shell", "-c", CLEAN_UP)


def choose_in_modal(page, button, item):
    page.get_by_role("button", name=button).click()
    dialog = page.locator(".modal-dialog")
    dialog.locator("a", has_text=item).first.click()
    expect(dialog).to_be_hidden()


def fill_rich_text(page, field, text):
    editor = page.locator(f"[data-contentpath={field}] [contenteditable=true]")
    editor.click()
    editor.type(text)


COLOUR = tuple(random.randrange(256) for _ in range(3))


def png_bytes():
    """A picture of its own per run, so that Wagtail does not offer an earlier upload
    of the same file instead."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (640, 400), COLOUR).save(buffer, format="PNG")
    return buffer.getvalue()


def upload_listing_image(page):
    """The upload asks for the alt text and refuses the file name."""
    page.get_by_role("button", name="Bild auswählen").click()
    dialog = page.locator(".modal-dialog")
    dialog.get_by_role("tab", name="Hochladen").click()
    dialog.locator("input[type=file]").set_input_files(
        {"name": "IMG_2041.png", "mimeType": "image/png", "buffer": png_bytes()}
    )
    description = dialog.get_by_label("Alternativtext (was das Bild zeigt)")
    expect(description).to_be_visible()
    expect(dialog.get_by_label("Titel")).to_have_value("IMG_2041")  # from the file name
    description.fill("IMG_2041")
    dialog.locator("form button[type=submit]", has_text="Hochladen").click()
    expect(dialog.get_by_text("Das sieht aus wie ein Dateiname")).to_be_visible()
    dialog.get_by_label("Alternativtext (was das Bild zeigt)").fill(
        "Ein Tischler zeigt zwei Auszubildenden einen Arbeitsplan auf dem Tablet"
    )
    # The browser forgets a chosen file when the form comes back with an error.
    dialog.locator("input[type=file]").set_input_files(
        {"name": "IMG_2041.png", "mimeType": "image/png", "buffer": png_bytes()}
    )
    dialog.locator("form button[type=submit]", has_text="Hochladen").click()
    expect(dialog).to_be_hidden()


def open_preview(page):
    page.get_by_role("button", name="Vorschau umschalten").click()
    return page.frame_locator("#w-preview-iframe")


def test_a_story_goes_through_review_to_the_public(browser, site_url, manage, artifacts):
    foreign = []

    def watch(context):
        context.on(
            "request",
            lambda r: (
                foreign.append(r.url)
                if not r.url.startswith((site_url, "data:", "blob:"))
                else None
            ),
        )
        return context

    index = page_id(
        manage, "hub.StoryIndexPage", slug="praxisbeispiele", locale__language_code="de"
    )

    # Redaktion writes the story with an image, sees the preview and submits it.
    redaktion_context = watch(
        browser.new_context(locale="de-DE", viewport={"width": 1366, "height": 900})
    )
    editor = admin_login(redaktion_context, site_url, "redaktion")
    editor.goto(f"{site_url}/admin/pages/add/hub/storypage/{index}/")
    editor.locator("#id_title").fill(STORY_TITLE)
    editor.locator("#id_company").fill("Holzwerk Dorsten GmbH")
    # The address is transliterated as German readers expect (ä → ae), not "auftrge".
    expect(editor.locator("#id_slug")).to_have_value("schreinerei-holzwerk-auftraege-uebers-tablet")
    choose_in_modal(editor, "Branche auswählen", "Handwerk")
    choose_in_modal(editor, "Unternehmensgröße auswählen", "10–49 Beschäftigte")
    choose_in_modal(editor, "Region auswählen", "Ruhrgebiet")
    editor.locator("#id_summary").fill(
        "Eine Schreinerei plant Aufträge jetzt auf Tablets. Die Auszubildenden haben es gezeigt."
    )
    upload_listing_image(editor)
    fill_rich_text(editor, "challenge", "Aufträge lagen auf Zetteln in der Werkstatt.")
    fill_rich_text(editor, "approach", "Zwei Auszubildende richteten eine Planungs-App ein.")
    fill_rich_text(editor, "result", "Niemand sucht mehr nach dem Zettel.")
    preview = open_preview(editor)
    expect(preview.get_by_role("heading", name=STORY_TITLE)).to_be_visible()
    editor.screenshot(path=str(artifacts / "editorial-story-preview.png"))
    footer_action(editor, "Zur Freigabe einreichen")
    expect(editor.locator(".messages")).to_contain_text("zur Freigabe")

    # Freigabe sees it on the dashboard and requests changes with a comment.
    freigabe_context = watch(
        browser.new_context(locale="de-DE", viewport={"width": 1366, "height": 900})
    )
    reviewer = admin_login(freigabe_context, site_url, "freigabe")
    expect(reviewer.get_by_text(STORY_TITLE).first).to_be_visible()
    reviewer.screenshot(path=str(artifacts / "editorial-dashboard-freigabe.png"))
    story = page_id(manage, "hub.StoryPage", title=STORY_TITLE)
    reviewer.goto(f"{site_url}/admin/pages/{story}/edit/")
    footer_action(reviewer, "Änderungen anfordern")
    dialog = reviewer.locator(".modal-dialog")
    dialog.get_by_role("textbox").fill("Bitte ein Zitat des Inhabers ergänzen.")
    dialog.locator("button[type=submit]").click()
    expect(reviewer.locator(".messages")).to_be_visible()

    # Redaktion finds the comment on the edit screen, adds the quote and resubmits.
    editor.goto(f"{site_url}/admin/pages/{story}/edit/")
    expect(editor.locator(".messages")).to_contain_text("Bitte ein Zitat des Inhabers ergänzen.")
    editor.screenshot(path=str(artifacts / "editorial-changes-requested.png"))
    editor.locator("#id_quote").fill("Die Jungen haben uns das Tablet erklärt.")
    footer_action(editor, "Erneut zur Freigabe einreichen")
    expect(editor.locator(".messages")).to_contain_text("zur Freigabe")

    # Freigabe approves: the story is live.
    reviewer.goto(f"{site_url}/admin/pages/{story}/edit/")
    footer_action(reviewer, "Freigeben und veröffentlichen")
    expect(reviewer.locator(".messages")).to_contain_text("jetzt auf der Website sichtbar")
    reviewer.screenshot(path=str(artifacts / "editorial-approved.png"))
    public = redaktion_context.browser.new_context(locale="de-DE").new_page()
    public.goto(site_url + "/praxisbeispiele/")
    public.get_by_role("link", name=STORY_TITLE).click()
    expect(public.get_by_role("heading", name=STORY_TITLE)).to_be_visible()
    expect(public.get_by_text("Die Jungen haben uns das Tablet erklärt.")).to_be_visible()
    assert not foreign, foreign[:5]


DRAFT_NEWS = """
from hub.models import NewsPage
source = NewsPage.objects.live().filter(locale__language_code="de").first()
draft = source.copy(
    update_attrs={"title": "Lernreisen 2027: die Termine stehen", "slug": "lernreisen-2027"},
    keep_live=False,
)
print("DRAFT", draft.pk, draft.url_path.split("/", 2)[2])
"""


def public_status(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_a_scheduled_news_item_goes_live_by_itself(browser, site_url, site_env, manage, artifacts):
    """Freigabe schedules a draft for a time shortly ahead; nobody touches it again, and
    the scheduler beside the server (as make run starts it) publishes it."""
    pk, path = re.search(r"DRAFT (\d+) (\S+)", manage("shell", "-c", DRAFT_NEWS)).groups()
    public_url = f"{site_url}/{path}"
    context = browser.new_context(locale="de-DE", viewport={"width": 1366, "height": 900})
    reviewer = admin_login(context, site_url, "freigabe")
    reviewer.goto(f"{site_url}/admin/pages/{pk}/edit/")
    reviewer.get_by_role("button", name="Status umschalten").click()
    reviewer.get_by_role("button", name="Zeitplan festlegen").click()
    # Editors set minutes: the first full minute at least half a minute ahead.
    soon = datetime.datetime.now(ZoneInfo("Europe/Berlin")) + datetime.timedelta(seconds=90)
    go_live = soon.replace(second=0, microsecond=0)
    reviewer.get_by_label("Veröffentlicht ab").fill(go_live.strftime("%Y-%m-%d %H:%M"))
    # By keyboard: the date picker's calendar may still lie over the button.
    reviewer.get_by_role("button", name="Zeitplan speichern").press("Enter")
    footer_action(reviewer, "Zur Veröffentlichung einplanen")
    expect(reviewer.locator(".messages")).to_contain_text("eingeplant")
    reviewer.screenshot(path=str(artifacts / "editorial-scheduled.png"))
    assert public_status(public_url) == 404

    scheduler = subprocess.Popen(
        [str(BIN / "python"), "manage.py", "run_scheduled"],
        cwd=ROOT,
        env=site_env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 240  # the go-live time, then a run of the minute job
        while public_status(public_url) != 200:
            assert time.monotonic() < deadline, "the news item did not go live by itself"
            assert scheduler.poll() is None, "the scheduler stopped"
            time.sleep(2)  # polling the public page, not synchronising the test
    finally:
        scheduler.terminate()
        scheduler.wait(timeout=10)
    assert datetime.datetime.now(ZoneInfo("Europe/Berlin")) >= go_live


PAGE_TYPES = """
from wagtail.models import Page
seen = {}
pages = Page.objects.filter(depth__gt=1, locale__language_code="de").order_by("path")
for page in pages.specific():
    seen.setdefault(type(page).__name__, page.pk)
for name, pk in sorted(seen.items()):
    print("PAGE", name, pk)
"""

VAGUE_LINKS = """
from wagtail.models import Page
from cms.models import ContentPage
home = Page.objects.get(depth=2, locale__language_code="de")
page = ContentPage(
    title="Förderung kurz erklärt", slug="foerderung-kurz",
    intro="Wie Sie an Fördergeld kommen.",
    body=[("text", "<h2></h2><p>Alle Programme: <a href='/angebote/'>hier klicken</a>.</p>")],
)
home.add_child(instance=page)
page.save_revision().publish()
print("PAGE", page.pk)
"""


def test_the_preview_panel_shows_every_page_type(browser, site_url, manage, artifacts):
    pages = re.findall(r"PAGE (\w+) (\d+)", manage("shell", "-c", PAGE_TYPES))
    assert len(pages) >= 20, pages
    context = browser.new_context(locale="de-DE", viewport={"width": 1366, "height": 900})
    editor = admin_login(context, site_url, "admin")
    blank = []
    for name, pk in pages:
        editor.goto(f"{site_url}/admin/pages/{pk}/edit/")
        frame = open_preview(editor)
        try:
            expect(frame.locator("main")).to_be_visible(timeout=10_000)
        except AssertionError:
            editor.screenshot(path=str(artifacts / f"editorial-preview-{name}.png"))
            blank.append(name)
        editor.get_by_role("button", name="Vorschau umschalten").click()  # close it again
    assert not blank, f"no preview for {blank}"


def test_the_checks_panel_explains_vague_link_texts(browser, site_url, manage, artifacts):
    (pk,) = re.findall(r"PAGE (\d+)", manage("shell", "-c", VAGUE_LINKS))
    context = browser.new_context(locale="de-DE", viewport={"width": 1366, "height": 900})
    editor = admin_login(context, site_url, "redaktion")
    editor.goto(f"{site_url}/admin/pages/{pk}/edit/")
    editor.get_by_role("button", name="Überprüfungen umschalten").click()
    panel = editor.locator("[data-side-panel=checks]")
    expect(panel).to_contain_text("Linktext sagt nicht, wohin der Link führt", timeout=20_000)
    expect(panel).to_contain_text("Leere Überschrift")
    editor.screenshot(path=str(artifacts / "editorial-checks.png"))
