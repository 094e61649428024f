"""Backing up and restoring an installation: its database and its media files.

A backup is a directory: ``manifest.json``, the database (``db.sqlite3`` through
SQLite's ``VACUUM INTO``, or ``db.dump`` from ``pg_dump --format=custom``: both a
consistent snapshot while the site runs) and ``media/`` with every file of the default
storage (local or S3), read through Django's storage API. A restore brings it into an
empty installation of the same database kind, then ``migrate`` brings an older backup
up to the code. See README, "Betrieb".
"""

import datetime
import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.core.files.base import File
from django.core.files.storage import default_storage
from django.db import connection

FORMAT = 1


class BackupError(Exception):
    """Something an operator must fix; the message says what."""


def _kind():
    return "sqlite" if connection.vendor == "sqlite" else connection.vendor


def _pg_env_and_args():
    database = connection.settings_dict
    env = {**os.environ}
    if database.get("PASSWORD"):
        env["PGPASSWORD"] = database["PASSWORD"]
    args = []
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if database.get(key):
            args += [flag, str(database[key])]
    return env, args, database["NAME"]


def _run(command, env=None):
    try:
        subprocess.run(command, env=env, check=True, capture_output=True, text=True)
    except FileNotFoundError as error:
        raise BackupError(f"{command[0]} is not installed (PostgreSQL's client tools).") from error
    except subprocess.CalledProcessError as error:
        raise BackupError(f"{command[0]} failed: {error.stderr.strip()}") from error


def _media_files(path=""):
    try:
        directories, files = default_storage.listdir(path)
    except FileNotFoundError:  # no media yet
        return
    for name in files:
        yield f"{path}/{name}" if path else name
    for directory in directories:
        yield from _media_files(f"{path}/{directory}" if path else directory)


def backup_media(media):
    """Copy every file of the media storage (local or S3) into the directory ``media``."""
    count = 0
    for name in _media_files():
        path = Path(media) / name
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            source = default_storage.open(name, "rb")
        except FileNotFoundError:  # deleted since it was listed
            continue
        with source, open(path, "wb") as copy:
            shutil.copyfileobj(source, copy)
        count += 1
    return count


def backup(target):
    """Write a backup of this installation into the directory ``target`` (new or
    empty). Returns the manifest."""
    target = Path(target)
    target.mkdir(parents=True, exist_ok=True)
    if any(target.iterdir()):
        raise BackupError(f"{target} is not empty: choose a new directory for each backup.")
    kind = _kind()
    if kind == "sqlite":
        # A consistent snapshot that a running site does not block (WAL: readers never
        # wait); unlike the online backup API it fails instead of retrying forever.
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("VACUUM INTO %s", [str(target / "db.sqlite3")])
        database_file = "db.sqlite3"
    elif kind == "postgresql":
        env, args, name = _pg_env_and_args()
        database_file = "db.dump"
        _run(
            [
                "pg_dump",
                *args,
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                f"--file={target / database_file}",
                name,
            ],
            env=env,
        )
    else:
        raise BackupError(f"Backups of {kind} databases are not supported.")
    count = backup_media(target / "media")
    manifest = {
        "format": FORMAT,
        "created": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "database": kind,
        "database_file": database_file,
        "media_files": count,
    }
    (target / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    return manifest


def _is_empty():
    """Whether this installation holds nothing yet (no tables, or only what `migrate`
    makes: Wagtail's root and welcome page, no users)."""
    tables = connection.introspection.table_names()
    if "wagtailcore_page" not in tables:
        return True
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM wagtailcore_page")
        pages = cursor.fetchone()[0]
        cursor.execute("SELECT COUNT(*) FROM auth_user")
        users = cursor.fetchone()[0]
    return pages <= 2 and users == 0


def restore(source):
    """Bring the backup in ``source`` into this (empty) installation."""
    source = Path(source)
    try:
        manifest = json.loads((source / "manifest.json").read_text())
    except (OSError, ValueError) as error:
        raise BackupError(f"{source} holds no backup (manifest.json is missing).") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"This backup has format {manifest.get('format')}, expected {FORMAT}.")
    kind = _kind()
    if manifest["database"] != kind:
        raise BackupError(
            f"The backup holds a {manifest['database']} database; this installation uses {kind}."
        )
    if not _is_empty():
        raise BackupError(
            "This installation already holds content. Restore into an empty database "
            "(a new DATABASE_URL or ZUKUNFTSHUB_VAR_DIR)."
        )
    dump = source / manifest["database_file"]
    if not dump.is_file():
        raise BackupError(f"{dump} is missing: the backup is incomplete.")
    if kind == "sqlite":
        connection.ensure_connection()
        backup_db = sqlite3.connect(f"file:{dump}?mode=ro", uri=True)
        backup_db.backup(connection.connection)
        backup_db.close()
    else:
        # An installation that `migrate` made (and nothing more) starts from an empty
        # schema, so the dump's tables never meet newer ones; all or nothing.
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
        env, args, name = _pg_env_and_args()
        connection.close()
        _run(
            [
                "pg_restore",
                *args,
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--single-transaction",
                f"--dbname={name}",
                str(dump),
            ],
            env=env,
        )
    media = source / "media"
    count = 0
    for path in sorted(p for p in media.rglob("*") if p.is_file()):
        name = path.relative_to(media).as_posix()
        if default_storage.exists(name):
            default_storage.delete(name)
        with open(path, "rb") as file:
            stored = default_storage.save(name, File(file, name=name))
        if stored != name:
            raise BackupError(f"The storage renamed {name} to {stored}.")
        count += 1
    return {**manifest, "restored_media_files": count}
