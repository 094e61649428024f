"""Fifty people register for an event of ten places at the same moment, against the
real site (gunicorn with several worker processes and threads), then all confirm their
e-mail at the same moment: nobody gets an error, nobody is lost, and the event is
never overbooked – the EventFigures lock of hub/events/services.py at work.

The server has a database of its own: a temporary SQLite file; when DATABASE_URL names
a PostgreSQL server (CI's second pass, .ci/run), a fresh database `<name>_concurrency`
on it, created and dropped here so that it never meets pytest-django's test database.
"""

import http.client
import json
import os
import re
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from tests.liveserver import gunicorn, manage, server_log, site_env

PLACES = 10
PEOPLE = 50
WORKERS, THREADS = 4, 4  # up to 16 requests in the server at once
REQUEST_SECONDS = 120  # a request's socket timeout, so that a hung server fails the test
START_SECONDS = 180  # four workers booting at once on a busy two-core machine

# The event, as an editor would create it: ten places, one per registration, open now.
EVENT_CODE = f"""
import datetime, json
from django.utils import timezone
from hub.models import EventDate, EventIndexPage, EventKind, EventPage
index = EventIndexPage.objects.get(slug="veranstaltungen", locale__language_code="de")
start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=10)
event = EventPage(
    title="Ansturm", slug="ansturm", kind=EventKind.objects.get(slug="lernreise"),
    summary="Zehn Plätze, fünfzig Anmeldungen.", audience="KMU", city="Dortmund",
    capacity={PLACES}, max_group_size=1,
)
event.dates = [EventDate(start=start, end=start + datetime.timedelta(hours=3))]
index.add_child(instance=event)
event.save_revision().publish()
assert event.registration_state() == "open", event.registration_state()
print(json.dumps({{"url": event.get_url_parts()[2]}}))
"""

# The event's registrations as the server's database holds them, with the path of each
# one's confirmation link as its e-mail carries it.
STATE_CODE = """
import json
from hub.models import EventPage
from hub.events.tokens import token_for
event = EventPage.objects.get(slug="ansturm")
path = event.get_url_parts()[2]
registrations = list(event.registrations.order_by("pk"))
print(json.dumps({
    "registrations": [
        {"email": r.email, "status": r.status, "places": r.places,
         "email_confirmed": r.email_confirmed}
        for r in registrations
    ],
    "confirm_links": {
        r.email: path + event.reverse_subpage("confirm", args=[token_for(r, "confirm")])
        for r in registrations
    },
    "registered_places": event.figures.registered_places,
}))
"""


def _shell(env, code):
    """Run code in `manage.py shell` on the server's database; returns its JSON output."""
    output = manage(env, "shell", "--no-imports", "-v", "0", "-c", code)
    return json.loads(output.strip().splitlines()[-1])


@pytest.fixture
def database_url():
    """A DATABASE_URL for the server: a fresh PostgreSQL database next to the one in
    DATABASE_URL, or None (SQLite in the server's var directory)."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        yield None
        return
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = parts.path.lstrip("/") + "_concurrency"
    admin = parts._replace(path="/postgres").geturl()
    drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(drop)  # left over from an interrupted run
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield parts._replace(path=f"/{name}").geturl()
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(drop)


@dataclass
class Site:
    backend: str
    env: dict = field(repr=False)  # the whole environment: not for failure reports


@pytest.fixture
def site(tmp_path, database_url):
    """The site with its own database, the demo content and the event; not yet served."""
    extra = {"DATABASE_URL": database_url} if database_url else {}
    env = site_env(
        tmp_path,
        # Fifty registrations come from one address: the rate limit must let them through.
        ZUKUNFTSHUB_EVENT_RATE_LIMIT=str(PEOPLE * 10),
        ZUKUNFTSHUB_EVENT_HOLDS_PER_VISITOR=str(PEOPLE * 10),
        **extra,
    )
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_demo")
    manage(env, "collectstatic", "--noinput", "-v0")
    return Site("postgresql" if database_url else "sqlite", env)


def _all_at_once(calls):
    """Run every call in a thread of its own, released together; returns their results
    in order (an exception is returned, not raised, so that every request counts)."""
    barrier = threading.Barrier(len(calls))

    def run(call):
        barrier.wait(timeout=REQUEST_SECONDS)
        try:
            return call()
        except Exception as error:  # counted and reported by the assertions
            return error

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        return list(pool.map(run, calls))


def _request(url, method, path, body=None, headers=None):
    """One HTTP request on a connection of its own: (status, Location, body)."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=REQUEST_SECONDS)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.getheader("Location", ""), response.read()
    finally:
        connection.close()


def _register(url, event_path, email):
    """The registration form as a browser sends it: no CSRF token (the page carries
    none for anonymous visitors), but Origin and Sec-Fetch-Site of this site (cms/csrf.py)."""
    form = {"name": "Ada Beispiel", "email": email, "company": "Muster GmbH", "consent": "on"}
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Origin": url,
        "Sec-Fetch-Site": "same-origin",
    }
    return lambda: _request(url, "POST", event_path, urlencode(form), headers)


def _stand(location, thanks):
    """The state a redirect to the thanks page names (?stand=), or where it went instead."""
    parts = urlsplit(location)
    if parts.path != thanks:
        return location
    return ",".join(parse_qs(parts.query).get("stand", [])) or location


def _statuses(results):
    return Counter(r[0] if isinstance(r, tuple) else type(r).__name__ for r in results)


def _by_status(state):
    return Counter(r["status"] for r in state["registrations"])


def _server_errors(env):
    """The exceptions in the server's log, counted: what a 5xx was about."""
    lines = server_log(env).read_text().splitlines()
    return Counter(line for line in lines if re.match(r"^[\w.]+(Error|Exception)\b", line))


def test_fifty_at_once_never_overbook_ten_places(site):
    env = site.env
    event_path = _shell(env, EVENT_CODE)["url"]
    thanks = event_path + "anmeldung/danke/"
    emails = [f"person{n:02d}@example.org" for n in range(PEOPLE)]
    summary = [f"registration concurrency [{site.backend}, gunicorn {WORKERS}x{THREADS}]:"]

    server = gunicorn(
        env, "--workers", str(WORKERS), "--threads", str(THREADS), start_seconds=START_SECONDS
    )
    with server as url:
        try:
            # Fifty registrations at once.
            started = time.monotonic()
            posted = _all_at_once([_register(url, event_path, email) for email in emails])
            seconds = time.monotonic() - started
            state = _shell(env, STATE_CODE)
            statuses, by_status = _statuses(posted), _by_status(state)
            summary.append(
                f"{PEOPLE} POSTs -> {dict(statuses)}, held {by_status['pending']}, "
                f"waiting {by_status['waiting']}, {len(state['registrations'])} rows, "
                f"{seconds:.2f} s;"
            )
            # Every one got through: no error, each to the thanks page with its state.
            assert statuses == {302: PEOPLE}, (statuses, _server_errors(env))
            stands = Counter(_stand(location, thanks) for _, location, _ in posted)
            assert stands == {"pending": PLACES, "waiting": PEOPLE - PLACES}, stands
            # Exactly the ten places are held, the others wait, nobody is lost or doubled.
            rows = state["registrations"]
            assert sorted(r["email"] for r in rows) == emails
            assert by_status == {"pending": PLACES, "waiting": PEOPLE - PLACES}
            assert all(r["places"] == 1 for r in rows)
            told_pending = {
                email
                for email, (_, location, _) in zip(emails, posted, strict=True)
                if _stand(location, thanks) == "pending"
            }
            assert told_pending == {r["email"] for r in rows if r["status"] == "pending"}

            # Fifty confirmations at once, through the links of the e-mails.
            links = state["confirm_links"]
            started = time.monotonic()
            confirmed = _all_at_once(
                [lambda path=links[email]: _request(url, "GET", path) for email in emails]
            )
            seconds = time.monotonic() - started
            state = _shell(env, STATE_CODE)
            statuses, by_status = _statuses(confirmed), _by_status(state)
            summary.append(
                f"{PEOPLE} confirmations -> {dict(statuses)}, confirmed "
                f"{by_status['confirmed']}, waiting {by_status['waiting']}, {seconds:.2f} s"
            )
            # Exactly the held places become confirmed ones; the waiting list stays.
            assert statuses == {200: PEOPLE}, (statuses, _server_errors(env))
            rows = state["registrations"]
            assert len(rows) == PEOPLE
            assert by_status == {"confirmed": PLACES, "waiting": PEOPLE - PLACES}
            assert all(r["email_confirmed"] for r in rows)
            assert {r["email"] for r in rows if r["status"] == "confirmed"} == told_pending
            assert state["registered_places"] == PLACES
        finally:
            print("\n" + " ".join(summary))
