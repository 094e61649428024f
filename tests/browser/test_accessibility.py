"""axe-core (WCAG 2.1 A/AA) on every page of the sitemap plus search, 404 and form
pages, in Debian's Chromium; the same visits prove the privacy promises: no request
to another host, no cookie for a visitor who submits nothing, a strict CSP."""

import re
import urllib.request
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}


def _sitemap_paths(site_url):
    with urllib.request.urlopen(site_url + "/sitemap.xml") as response:
        tree = ElementTree.fromstring(response.read())
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    return [urlsplit(loc.text).path for loc in tree.findall("s:url/s:loc", namespace)]


def _describe(violations, path):
    lines = []
    for violation in violations:
        targets = [", ".join(node["target"]) for node in violation["nodes"][:3]]
        lines.append(
            f"{path}: {violation['id']} ({violation['impact']}) {violation['help']} at {targets}"
        )
    return "\n".join(lines)


def test_every_page_is_accessible_private_and_strict(site_url, context):
    paths = _sitemap_paths(site_url)
    assert "/" in paths and "/en/" in paths and "/barrierefreiheit/feedback/" in paths
    paths += [
        "/suche/?q=Mentoring",
        "/en/search/?q=Mentoring",
        "/suche/?q=Unauffindbares",
        "/gibt-es-nicht/",
    ]
    requests, problems, responses = [], [], {}
    page = context.new_page()
    page.on("request", lambda request: requests.append(request.url))
    page.on("response", lambda response: responses.__setitem__(response.url, response))
    axe = Axe()
    for path in paths:
        response = page.goto(site_url + path)
        assert response.status in (200, 404), f"{path}: {response.status}"
        headers = response.headers
        policy = headers.get("content-security-policy", "")
        assert "default-src 'self'" in policy, f"{path}: no strict CSP"
        for directive in ("script-src", "style-src"):
            value = re.search(rf"{directive} ([^;]*)", policy).group(1)
            assert "unsafe" not in value, f"{path}: {directive} {value}"
        assert page.locator("html").get_attribute("lang") in ("de", "en"), path
        assert page.locator("main").count() == 1, path
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className") == "skip-link", path
        results = axe.run(page, options=AXE_OPTIONS)
        if results.violations_count:
            problems.append(_describe(results.response["violations"], path))
    other_hosts = {urlsplit(url).netloc for url in requests} - {urlsplit(site_url).netloc}
    cookies = context.cookies()
    print(
        f"\naxe scan: {len(paths)} URLs, {sum(p.count(chr(10)) + 1 for p in problems)} violations, "
        f"{len(requests)} requests to {len(other_hosts)} other hosts, {len(cookies)} cookies"
    )
    assert not problems, "\n".join(problems)
    assert not other_hosts, f"requests to other hosts: {sorted(other_hosts)}"
    assert not cookies, f"cookies for an anonymous visitor: {cookies}"


def test_form_with_errors_and_after_sending_is_accessible(site_url, context):
    page = context.new_page()
    page.goto(site_url + "/barrierefreiheit/feedback/")
    page.get_by_label("Wo ist Ihnen die Barriere begegnet?").fill("Startseite")
    page.get_by_role("button", name="Absenden").click()
    assert page.locator("#form-errors").is_visible()
    results = Axe().run(page, options=AXE_OPTIONS)
    assert not results.violations_count, _describe(
        results.response["violations"], "form with errors"
    )
    page.get_by_label("Beschreibung").fill("Der Fokus ist auf dem Menü nicht sichtbar.")
    page.get_by_role("button", name="Absenden").click()
    assert "Ihre Rückmeldung ist bei der Redaktion angekommen" in page.content()
    results = Axe().run(page, options=AXE_OPTIONS)
    assert not results.violations_count, _describe(results.response["violations"], "thank-you page")
