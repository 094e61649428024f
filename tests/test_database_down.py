"""The database down or locked: cached pages keep being served, the rest gets a friendly
503 that asks to try again, and the site recovers by itself."""

import sqlite3
import time
from concurrent.futures import ThreadPoolExecutor

from django.conf import settings
from django.db import OperationalError
from django.db.backends.utils import CursorWrapper
from django.test import Client

import pytest


@pytest.fixture
def database_down(monkeypatch):
    """Every query fails as with a stopped server, until the test switches it back on."""
    state = {"down": False, "message": "could not connect to server: Connection refused"}
    execute, executemany = CursorWrapper.execute, CursorWrapper.executemany

    def failing(original):
        def run(self, *args, **kwargs):
            if state["down"]:
                raise OperationalError(state["message"])
            return original(self, *args, **kwargs)

        return run

    monkeypatch.setattr(CursorWrapper, "execute", failing(execute))
    monkeypatch.setattr(CursorWrapper, "executemany", failing(executemany))
    yield state
    state["down"] = False  # the test database is rolled back afterwards


def test_cached_pages_stay_and_the_rest_says_try_again(db, database_down, django_user_model):
    visitor = Client(raise_request_exception=False)
    assert visitor.get("/praxisbeispiele/").status_code == 200  # now in the page cache
    editor = Client(raise_request_exception=False)
    editor.force_login(django_user_model.objects.get(username="redaktion"))
    database_down["down"] = True

    cached = visitor.get("/praxisbeispiele/")
    assert cached.status_code == 200 and cached["X-Page-Cache"] == "hit"
    for who, path in (
        (visitor, "/angebote/"),
        (visitor, "/veranstaltungen/"),
        (visitor, "/suche/?q=Betrieb"),
        (editor, "/admin/"),
        (editor, "/praxisbeispiele/"),
    ):
        response = who.get(path)
        assert response.status_code == 503, path
        assert response["Retry-After"] == "30"
        assert "Vorübergehend nicht erreichbar" in response.text
        assert "s-maxage" not in response.get("Cache-Control", "")
    assert visitor.get("/healthz/").status_code == 503

    # Back again: no restart needed.
    database_down["down"] = False
    assert visitor.get("/angebote/").status_code == 200
    assert visitor.get("/healthz/").status_code == 200


def test_a_locked_sqlite_database_answers_503(db, database_down):
    database_down.update(down=True, message="database is locked")
    response = Client(raise_request_exception=False).get("/angebote/")
    assert response.status_code == 503 and "Vorübergehend nicht erreichbar" in response.text


def test_a_write_waits_for_a_lock_longer_than_5_seconds(tmp_path, django_db_blocker):
    """With the site's SQLite options a write meeting another's lock waits, then fails
    with the error the 503 page is for."""
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
        pytest.skip("SQLite's own lock; PostgreSQL waits for row locks instead")
    from django.db.backends.sqlite3.base import DatabaseWrapper

    path = tmp_path / "locked.sqlite3"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA journal_mode=WAL")  # as the site's database is
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN IMMEDIATE")

    def write():
        # In a thread of its own, as a server's: the browser tests leave an event loop
        # running in this one, where Django refuses to touch a database.
        site = DatabaseWrapper({**settings.DATABASES["default"], "NAME": str(path)})
        started = time.monotonic()
        try:
            with site.cursor() as cursor:
                cursor.execute("BEGIN IMMEDIATE")
        except OperationalError as error:
            return str(error), time.monotonic() - started
        finally:
            site.close()
        return "written", 0

    with django_db_blocker.unblock(), ThreadPoolExecutor(1) as pool:
        outcome, waited = pool.submit(write).result()
    assert outcome == "database is locked" and waited > 5
    holder.close()
