"""The toolbox in a browser: a video behind a two-click consent, by keyboard, and a
download over HTTP."""

import re
import urllib.request
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

ENTRY = "/werkzeugkasten/werkzeug-05/"


def test_the_video_loads_from_the_platform_only_after_the_click(site_url, context):
    requests = []
    context.on("request", lambda request: requests.append(request.url))
    # The test machine has no internet: requests to the platform fail, which is fine.
    context.route(re.compile(r"^https://"), lambda route: route.abort())
    page = context.new_page()
    page.goto(site_url + ENTRY)
    own = urlsplit(site_url).netloc
    assert all(urlsplit(url).netloc == own for url in requests), requests
    assert page.locator("iframe").count() == 0

    button = page.get_by_role("button", name=re.compile("Video von YouTube laden"))
    button.focus()
    page.keyboard.press("Enter")
    frame = page.locator(".video__frame iframe")
    expect(frame).to_have_attribute("src", "https://www.youtube-nocookie.com/embed/M7lc1UVf-VE")
    expect(frame).to_have_attribute("title", "Die vier Stufen der Kompetenz")
    assert ENTRY in page.url and "video=" not in page.url  # no reload with JavaScript
    assert any(url.startswith("https://www.youtube-nocookie.com/") for url in requests)


def test_without_javascript_the_consent_reloads_the_page_with_the_player(site_url, browser):
    context = browser.new_context(java_script_enabled=False)
    context.route(re.compile(r"^https://"), lambda route: route.abort())
    page = context.new_page()
    page.goto(site_url + ENTRY)
    assert page.locator("iframe").count() == 0
    page.get_by_role("button", name=re.compile("Video von YouTube laden")).click()
    assert "video=" in page.url
    assert page.locator("iframe[title='Die vier Stufen der Kompetenz']").count() == 1
    context.close()


def test_a_download_is_served_with_its_file(site_url, context):
    page = context.new_page()
    page.goto(site_url + "/werkzeugkasten/werkzeug-03/")
    href = page.get_by_role("link", name="Tandemvereinbarung (Tabelle)").get_attribute("href")
    with urllib.request.urlopen(site_url + href) as response:
        assert response.status == 200
        assert response.read().decode().startswith("Feld;Eintrag")
