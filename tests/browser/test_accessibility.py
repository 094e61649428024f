"""axe-core (WCAG 2.1 A/AA) on every page of the sitemap plus search, 404 and the
feedback form with errors, in Debian's Chromium. The same visits prove the privacy
and security promises: no request to another host, no cookie for a visitor who
submits nothing, a strict Content-Security-Policy on every HTML response, and the
page structure every page shares (language, one <main>, skip link first)."""

import urllib.request
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

import axe_playwright_python
import pytest

pytestmark = pytest.mark.browser

# axe-core as shipped with axe-playwright-python. page.evaluate() runs it through
# the DevTools protocol, which the page's Content-Security-Policy does not govern,
# so the site's strict policy stays exactly as visitors get it.
AXE_SOURCE = Path(axe_playwright_python.__file__).with_name("axe.min.js").read_text()
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
FEEDBACK = "/barrierefreiheit/feedback/"
THANK_YOU = "Ihre Rückmeldung ist bei der Redaktion angekommen"
UNSAFE_SOURCES = {"'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'"}
# The first element in the tab order, in document order (no page uses tabindex > 0).
FIRST_FOCUSABLE = """() => {
    const candidates = document.querySelectorAll(
        'a[href], area[href], button, input:not([type="hidden"]), select, textarea, summary,'
        + ' iframe, [tabindex], [contenteditable]');
    for (const el of candidates) {
        if (el.disabled || el.tabIndex < 0 || el.getClientRects().length === 0) continue;
        if (getComputedStyle(el).visibility === 'hidden') continue;
        return el.outerHTML.slice(0, 120);
    }
    return null;
}"""


def _sitemap_urls(site_url):
    """Path and query of every <loc>: the Site record says localhost:80, not our port."""
    with urllib.request.urlopen(site_url + "/sitemap.xml") as response:
        tree = ElementTree.fromstring(response.read())
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls = []
    for loc in tree.findall("s:url/s:loc", namespace):
        parts = urlsplit(loc.text.strip())
        urls.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return urls


def _csp_problems(policy):
    if not policy:
        return ["no Content-Security-Policy header"]
    directives = {}
    for part in policy.split(";"):
        tokens = part.split()
        if tokens:
            directives.setdefault(tokens[0].lower(), [t.lower() for t in tokens[1:]])
    problems = []
    for name in ("script-src", "style-src"):
        sources = directives.get(name, directives.get("default-src"))
        if sources is None:
            problems.append(f"neither {name} nor default-src")
            continue
        for directive in (name, f"{name}-elem", f"{name}-attr"):
            if directive != name and directive not in directives:
                continue
            unsafe = UNSAFE_SOURCES & set(directives.get(directive, sources))
            if unsafe:
                problems.append(f"{directive} allows {' '.join(sorted(unsafe))}")
    return problems


class Scan:
    """One anonymous visitor going through the site; collects every finding."""

    def __init__(self, site_url, context):
        self.site_url = site_url
        self.host = urlsplit(site_url).netloc
        self.context = context
        self.requests = []
        self.responses = []
        context.on("request", lambda request: self.requests.append(request.url))
        self.page = context.new_page()
        self.page.on("response", lambda response: self.responses.append(response))
        self.scanned = []
        self.html_responses = 0
        self.violations = []  # (url, rule id, number of elements, description)
        self.problems = []

    def visit(self, path, status=200):
        response = self.page.goto(self.site_url + path)
        if response.status != status:
            self.problems.append(f"{path}: HTTP {response.status}, expected {status}")
        return response

    def check(self, label, fresh_load=True):
        """Headers, structure and axe on the page as it is now; label names it in messages."""
        page = self.page
        self._check_html_responses(label)
        lang = page.locator("html").get_attribute("lang") or ""
        expected = "en" if urlsplit(page.url).path.startswith("/en/") else "de"
        if lang != expected:
            self.problems.append(f"{label}: <html lang={lang!r}>, expected {expected!r}")
        if page.locator("main").count() != 1 or page.locator("main#main").count() != 1:
            self.problems.append(f"{label}: not exactly one <main id=main>")
        first = page.evaluate(FIRST_FOCUSABLE) or ""
        if 'class="skip-link"' not in first or 'href="#main"' not in first:
            self.problems.append(f"{label}: first focusable element is {first}")
        if fresh_load:
            page.keyboard.press("Tab")
            if not page.evaluate("document.activeElement.matches('a.skip-link')"):
                self.problems.append(f"{label}: the first Tab does not reach the skip link")
        self._axe(label)
        self.scanned.append(label)

    def _check_html_responses(self, label):
        responses, self.responses[:] = list(self.responses), []
        for response in responses:
            if response.request.resource_type != "document":
                continue
            if not (response.header_value("content-type") or "").startswith("text/html"):
                continue
            self.html_responses += 1
            policy = response.header_value("content-security-policy")
            for problem in _csp_problems(policy):
                self.problems.append(f"{label}: {problem} ({response.url})")

    def _axe(self, label):
        page = self.page
        if not page.evaluate("typeof window.axe === 'object'"):
            page.evaluate(AXE_SOURCE)
        results = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
        assert results["testEngine"]["name"] == "axe-core", results["testEngine"]
        for violation in results["violations"]:
            nodes = violation["nodes"]
            targets = "; ".join(" ".join(node["target"]) for node in nodes[:5])
            more = f" and {len(nodes) - 5} more" if len(nodes) > 5 else ""
            self.violations.append(
                (
                    label,
                    violation["id"],
                    len(nodes),
                    f"{label}: {violation['id']} ({violation['impact']}) {violation['help']}"
                    f" at {targets}{more}",
                )
            )

    def other_hosts(self):
        hosts = set()
        for url in self.requests:
            parts = urlsplit(url)
            if parts.scheme in ("data", "blob", "about"):
                continue
            if parts.netloc != self.host:
                hosts.add(f"{parts.scheme}://{parts.netloc}")
        return hosts


def _search_path(scan, home):
    """The search URL is translated (/suche/ in German): take it from the header form."""
    scan.visit(home)
    action = scan.page.locator("header form[role=search]").first.get_attribute("action")
    assert action and action.startswith("/"), f"header search form on {home}: action={action!r}"
    return action


def test_every_page_is_accessible_private_and_strict(site_url, context):
    paths = _sitemap_urls(site_url)
    assert {"/", "/en/", FEEDBACK} <= set(paths), paths
    english = [path for path in paths if path.startswith("/en/")]
    assert len(english) >= 5, english

    scan = Scan(site_url, context)
    search_de = _search_path(scan, "/")
    search_en = _search_path(scan, "/en/")
    pages = [(path, 200) for path in paths] + [
        (f"{search_de}?q=Mentoring", 200),
        (f"{search_de}?q=Unauffindbares", 200),
        (f"{search_en}?q=Mentoring", 200),
        ("/gibt-es-nicht/", 404),
        ("/en/does-not-exist/", 404),
    ]
    for path, status in pages:
        scan.visit(path, status)
        scan.check(path)
    cookies_after_reading = context.cookies()

    # The feedback form sent empty: the error state, then sent correctly: thank you.
    scan.visit(FEEDBACK)
    form = scan.page.locator("main form[method=post]")
    with scan.page.expect_navigation():
        form.locator("[type=submit]").click()
    assert scan.page.locator("#form-errors").is_visible(), "no error summary after sending empty"
    scan.check(f"{FEEDBACK} (sent empty)", fresh_load=False)
    required = form.locator("[aria-required=true]")
    for index in range(required.count()):
        required.nth(index).fill("Startseite: der Fokus ist im Menü nicht zu sehen.")
    with scan.page.expect_navigation():
        form.locator("[type=submit]").click()
    assert THANK_YOU in scan.page.locator("main").inner_text()
    scan.check(f"{FEEDBACK} (sent)", fresh_load=False)

    # The Quickcheck by keyboard: an unanswered question, then every answer, the result.
    quickcheck = "/werkzeugkasten/quickcheck/"
    page = scan.page
    scan.visit(quickcheck)
    page.get_by_label("Unternehmen").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Quickcheck starten").click()
    scan.check(f"{quickcheck}fragen/", fresh_load=False)
    # With JavaScript the steps happen in the page: the message comes without a reload.
    page.get_by_role("button", name="Weiter").click()
    assert page.locator("fieldset .field__error").is_visible(), (
        "no message for an unanswered question"
    )
    scan.check(f"{quickcheck}fragen/ (unanswered)", fresh_load=False)
    for _ in range(20):
        page.locator("main fieldset:visible input[type=radio]").last.focus()
        page.keyboard.press("Space")
        if page.locator("button[data-forward]").get_attribute("value") == "auswerten":
            scan.check(f"{quickcheck}fragen/ (last question)", fresh_load=False)
            with page.expect_navigation():
                page.keyboard.press("Enter")
            break
        page.keyboard.press("Enter")
    assert "/ergebnis/" in page.url, "the Quickcheck did not reach its result by keyboard"
    scan.check(f"{quickcheck}ergebnis/…", fresh_load=False)
    assert not context.cookies(), "the Quickcheck set a cookie"

    other_hosts = scan.other_hosts()
    elements = sum(count for _, _, count, _ in scan.violations)
    print(
        f"\naxe-core WCAG 2.1 A/AA: {len(scan.scanned)} URLs scanned, "
        f"{len(scan.violations)} violations ({elements} elements); "
        f"{len(scan.requests)} requests, {len(other_hosts)} to other hosts; "
        f"{len(cookies_after_reading)} cookies after reading, "
        f"{len(context.cookies())} after sending the form; "
        f"CSP checked on {scan.html_responses} HTML responses, {len(scan.problems)} problems"
    )
    assert not scan.violations, "axe-core violations:\n" + "\n".join(
        description for *_, description in scan.violations
    )
    assert not scan.problems, "\n".join(scan.problems)
    assert not other_hosts, f"requests to other hosts: {sorted(other_hosts)}"
    assert not cookies_after_reading, (
        f"cookies for a visitor who only reads: {cookies_after_reading}"
    )


def test_csp_parser_sees_unsafe_sources():
    assert _csp_problems("default-src 'self'; object-src 'none'") == []
    assert _csp_problems("default-src 'self'; script-src 'self' 'unsafe-inline'") == [
        "script-src allows 'unsafe-inline'"
    ]
    assert _csp_problems("default-src 'self' 'unsafe-eval'") == [
        "script-src allows 'unsafe-eval'",
        "style-src allows 'unsafe-eval'",
    ]
    assert _csp_problems("style-src 'self'; style-src-attr 'unsafe-inline'; script-src 'self'") == [
        "style-src-attr allows 'unsafe-inline'"
    ]
    assert _csp_problems("") == ["no Content-Security-Policy header"]
    assert _csp_problems("img-src 'self'") == [
        "neither script-src nor default-src",
        "neither style-src nor default-src",
    ]
