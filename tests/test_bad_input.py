"""Bad input never gives a 500: every form and listing parameter of every public page (from
the sitemap, both languages) and of the account pages gets NUL, superscript digits,
quotes, 5,000 digits, invalid UTF-8, overlong and repeated values. The answer is a page,
a redirect or a clear 400, on SQLite and on PostgreSQL."""

import re
from html.parser import HTMLParser
from urllib.parse import urlencode, urlsplit

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import translation

import pytest

from cms.bad_input import whole_number

ORIGIN = {"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_ORIGIN": "http://testserver"}
BAD_VALUES = [
    "\x00",
    "a\x00b",
    "²",
    "¹²³",
    '"',
    'Werkzeug "Ampel',
    "' OR 1=1 --",
    "(*)",
    "9" * 5000,
    "-1",
    "x" * 10_000,
]


class Forms(HTMLParser):
    """The forms of a page: action, method and the names of their fields."""

    def __init__(self):
        super().__init__()
        self.forms = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append(
                {
                    "action": attrs.get("action") or "",
                    "method": (attrs.get("method") or "get").lower(),
                    "fields": [],
                }
            )
        elif tag in ("input", "select", "textarea", "button") and self.forms:
            name = attrs.get("name")
            if name and name != "csrfmiddlewaretoken":
                self.forms[-1]["fields"].append(name)


def _sitemap_paths(client):
    xml = client.get("/sitemap.xml").text
    return sorted({urlsplit(url).path for url in re.findall(r"<loc>([^<]+)</loc>", xml)})


def _account_paths():
    paths = []
    for language in ("de", "en"):
        with translation.override(language):
            paths += [
                reverse(name)
                for name in ("account_login", "account_signup", "account_reset_password")
            ]
    return paths


def _forms(client, paths):
    seen, found = set(), []
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        parser = Forms()
        parser.feed(response.content.decode())
        for form in parser.forms:
            action = form["action"] or path
            key = (action, form["method"], tuple(sorted(set(form["fields"]))))
            if form["fields"] and key not in seen and action.startswith("/"):
                seen.add(key)
                found.append((action, form["method"], sorted(set(form["fields"]))))
    return found


def _check(response, what):
    assert response.status_code < 500, (response.status_code, what)


def _visitor(number):
    """A client of its own per request, so that no rate limit or lock-out answers first."""
    return Client(REMOTE_ADDR=f"10.{number // 65536 % 256}.{number // 256 % 256}.{number % 256}")


@pytest.mark.django_db
def test_no_form_or_listing_parameter_gives_a_500(client):
    paths = _sitemap_paths(client) + _account_paths()
    assert len(paths) > 50
    forms = _forms(client, paths)
    # Forms of every kind: the site search, listing filters, the Quickcheck, events, accounts.
    actions = {action for action, _method, _fields in forms}
    assert any("/suche/" in a for a in actions) and any("quickcheck" in a for a in actions)
    assert len(forms) > 10, forms
    for action, method, fields in forms:
        for value in BAD_VALUES:
            data = dict.fromkeys(fields, value)
            if method == "get":
                _check(client.get(action, data), (action, value[:20]))
            else:
                _check(client.post(action, data, **ORIGIN), (action, value[:20]))
        # Repeated parameters and bytes that are not UTF-8.
        query = urlencode([(name, v) for name in fields for v in ("1", "²", "zwei")])
        raw = "&".join(f"{name}=%FF%FE%00" for name in fields)
        if method == "get":
            _check(client.get(f"{action}?{query}"), (action, "repeated"))
            _check(client.get(f"{action}?{raw}"), (action, "not utf-8"))
        else:
            _check(
                client.post(action, query, "application/x-www-form-urlencoded", **ORIGIN), action
            )
            _check(client.post(action, raw, "application/x-www-form-urlencoded", **ORIGIN), action)


@pytest.mark.django_db
def test_nul_in_a_parameter_gets_a_clear_400(client):
    response = client.get("/suche/", {"q": "Tandem\x00"})
    assert response.status_code == 400
    assert "Die Anfrage konnte nicht gelesen werden" in response.text
    assert client.get("/suche/", {"q": 'Werkzeug "Ampel'}).status_code == 200
    only_signs = client.get("/suche/", {"q": '"'})
    assert only_signs.status_code == 200 and "0 Ergebnisse" in only_signs.text


@pytest.mark.django_db
def test_nul_in_a_form_body_gets_a_400_and_pasted_line_breaks_pass(client):
    url = "/barrierefreiheit/feedback/"
    assert client.post(url, {"beschreibung": "a\x00b"}, **ORIGIN).status_code == 400
    multipart = client.post(url, {"beschreibung": "a\x00b", "datei": b""}, **ORIGIN)
    assert multipart.status_code == 400
    fields = {"wo_ist_ihnen_die_barriere_begegnet": "Start", "beschreibung": "Zeile\x0bZwei"}
    assert client.post(url, fields, **ORIGIN).status_code == 200


@pytest.mark.django_db
def test_a_foreign_host_gets_a_plain_400(client, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    response = client.get("/", HTTP_HOST="boese.example")
    assert response.status_code == 400 and response["Content-Type"].startswith("text/plain")


@pytest.mark.django_db
def test_the_quickcheck_ignores_numbers_that_are_not_plain(client):
    url = "/werkzeugkasten/quickcheck/fragen/"
    for step in ("²", "9" * 5000, "-1", "1.5"):
        response = client.get(url, {"perspektive": "unternehmen", "schritt": step})
        assert response.status_code == 200, step
        assert "Frage 1 von" in response.text


def test_whole_numbers_are_short_ascii_digits():
    assert whole_number("42") == 42
    assert whole_number("007") == 7
    for value in ("²", "٣", "", "-1", "1.0", " 1", "9" * 10, None, 3):
        assert whole_number(value) is None, value
    assert whole_number("x", 0) == 0


@pytest.mark.django_db
def test_admin_parameters_that_are_not_numbers_are_ignored(client):
    client.force_login(get_user_model().objects.get(username="admin"))
    response = client.get("/admin/enrolment_keys/new/", {"cohort": "²"})
    assert response.status_code == 200


@pytest.mark.django_db
def test_an_enrolment_key_differing_only_in_case_is_refused_clearly(client):
    from courses.models import Cohort, EnrolmentKey

    existing = EnrolmentKey.objects.get(key="LOTSEN-2026")
    client.force_login(get_user_model().objects.get(username="admin"))
    cohort = Cohort.objects.first()
    response = client.post(
        "/admin/enrolment_keys/new/",
        {"cohort": cohort.pk, "key": "lotsen-2026", "label": "Doppelt", "active": "on"},
    )
    assert response.status_code == 200
    assert "Diesen Schlüssel gibt es schon" in response.text
    assert EnrolmentKey.objects.filter(key=existing.key).count() == 1
