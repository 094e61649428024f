"""`make backup` and `make restore`: the round trip keeps every record and media file.

The backup is taken of the test database (the demo, with a Quickcheck response added
and committed, so that pg_dump sees it too); the restore runs as an operator runs it,
in a new process, into an empty installation of the same database kind.
"""

import hashlib
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from django.apps import apps
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection, connections

import pytest

from cms.backup import _media_files
from toolbox.models import QuickcheckPage, QuickcheckResponse

ROOT = Path(__file__).resolve().parent.parent
RESTORE_DB = "zukunftshub_restore_check"
MUST_KEEP = [
    "wagtailcore.Page",
    "wagtailcore.Revision",
    "hub.Region",  # a snippet
    "wagtailimages.Image",
    "wagtailimages.Rendition",
    "wagtaildocs.Document",
    "hub.Registration",
    "toolbox.QuickcheckResponse",
    "courses.LessonProgress",  # learner records
    "courses.Enrolment",
    "auth.User",
]
COUNT_SCRIPT = """
import json, django
django.setup()
from django.apps import apps
counts = {}
for model in apps.get_models():
    if model._meta.managed and not model._meta.proxy:
        try:
            counts[model._meta.label] = model._default_manager.count()
        except Exception:
            pass
print("COUNTS" + json.dumps(counts))
"""


def _counts():
    counts = {}
    for model in apps.get_models():
        if model._meta.managed and not model._meta.proxy:
            counts[model._meta.label] = model._default_manager.count()
    return counts


def _digest(read):
    return hashlib.sha256(read()).hexdigest()


def _as_another_process(work):
    """Run ``work`` with a database connection of its own and outside any event loop,
    as the backup command runs beside a site (Playwright's sync API keeps a loop running
    in the test thread once the browser tests have run)."""

    def run():
        try:
            return work()
        finally:
            connections.close_all()

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(run).result()


@pytest.fixture
def committed(django_db_setup, django_db_blocker):
    """The test database as a running site has it (a backup is a snapshot of committed
    data), with a Quickcheck response and an image rendition added, removed after."""

    def add():
        page = QuickcheckPage.objects.live().filter(locale__language_code="de").first()
        response = QuickcheckResponse.objects.create(
            quickcheck=page, perspective="leitung", perspective_name="Leitung", token="backup-1"
        )
        image = apps.get_model("wagtailimages", "Image").objects.first()
        return response, image.get_rendition("fill-80x80")

    with django_db_blocker.unblock():
        added = _as_another_process(add)
        yield
        _as_another_process(lambda: [each.delete() for each in added])


def _installation(tmp_path, kind):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("REDIS_URL", "DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    env.update(DJANGO_SETTINGS_MODULE="cms.settings.dev", ZUKUNFTSHUB_VAR_DIR=str(tmp_path / "new"))
    if kind == "postgresql":
        db = connection.settings_dict
        user, host = db["USER"] or "postgres", db["HOST"] or "127.0.0.1"
        server = f"postgres://{user}@{host}:{db['PORT'] or 5432}"
        for sql in (f"DROP DATABASE IF EXISTS {RESTORE_DB}", f"CREATE DATABASE {RESTORE_DB}"):
            subprocess.run(["psql", f"{server}/postgres", "-q", "-c", sql], check=True)
        env["DATABASE_URL"] = f"{server}/{RESTORE_DB}"
    return env


def _manage(env, *args):
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )


def test_a_backup_restores_into_an_empty_installation(tmp_path, committed):
    kind = connection.vendor
    backup_dir = tmp_path / "backup"
    _as_another_process(lambda: call_command("backup", str(backup_dir)))
    manifest = json.loads((backup_dir / "manifest.json").read_text())
    assert manifest["database"] == kind
    before = _as_another_process(_counts)
    for label in MUST_KEEP:
        assert before[label] > 0, label
    files = {name: _digest(default_storage.open(name).read) for name in _media_files()}
    assert manifest["media_files"] == len(files) > 30
    assert any(name.startswith("original_images/") for name in files)
    assert any(name.startswith("documents/") for name in files)

    env = _as_another_process(lambda: _installation(tmp_path, kind))
    restored = _manage(env, "restore", str(backup_dir))
    assert restored.returncode == 0, restored.stderr
    assert f"{len(files)} media files" in restored.stdout
    counted = subprocess.run(
        [sys.executable, "-c", COUNT_SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True
    )
    after = json.loads(counted.stdout.split("COUNTS", 1)[1])
    assert {label: after.get(label) for label in before} == before
    media = tmp_path / "new" / "media"
    assert {
        path.relative_to(media).as_posix(): _digest(path.read_bytes)
        for path in media.rglob("*")
        if path.is_file()
    } == files

    # Restoring twice would overwrite a live site: refused, with what to do instead.
    again = _manage(env, "restore", str(backup_dir))
    assert again.returncode != 0 and "already holds content" in again.stderr
    # A backup never overwrites an earlier one.
    with pytest.raises(Exception, match="not empty"):
        _as_another_process(lambda: call_command("backup", str(backup_dir)))
