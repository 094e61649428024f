"""The German catalogue is complete, compiled and covers every string in the code."""

import shutil
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.test import Client

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = [ROOT / "locale"] + [ROOT / app / "locale" for app in ["cms", *settings.ALL_PLUGINS]]


@pytest.mark.parametrize("locale_dir", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_german_catalogue_is_complete_and_compiled(locale_dir):
    po_path = locale_dir / "de" / "LC_MESSAGES" / "django.po"
    catalogue = polib.pofile(str(po_path))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert not untranslated, f"{po_path}: untranslated {untranslated}"
    assert not fuzzy, f"{po_path}: fuzzy {fuzzy}"
    compiled = polib.mofile(str(po_path.with_suffix(".mo")))
    assert {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural for e in compiled} == {
        (e.msgctxt, e.msgid): e.msgstr or {int(k): v for k, v in e.msgstr_plural.items()}
        for e in catalogue.translated_entries()
    }, f"{po_path} is not compiled: run `make messages`"


def test_every_string_in_the_code_is_in_the_catalogue(tmp_path):
    """makemessages on a copy of the code finds no msgid the catalogues lack."""
    if shutil.which("xgettext") is None:
        pytest.fail("GNU gettext is missing: `make test` installs it (Debian package gettext)")
    copy = tmp_path / "code"
    ignore = shutil.ignore_patterns(
        ".venv", "var", "tests", "__pycache__", "*.mo", "node_modules", ".git"
    )
    shutil.copytree(ROOT, copy, ignore=ignore)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "de", "--no-obsolete", "-v0"],
        cwd=copy,
        check=True,
        capture_output=True,
    )
    for locale_dir in CATALOGUES:
        relative = locale_dir.relative_to(ROOT) / "de" / "LC_MESSAGES" / "django.po"
        fresh = {e.msgid for e in polib.pofile(str(copy / relative))}
        known = {e.msgid for e in polib.pofile(str(ROOT / relative))}
        assert fresh <= known, f"{relative} lacks {sorted(fresh - known)}: run `make messages`"


def test_english_ui_and_german_default(db):
    german = Client().get("/impressum/").text
    english = Client().get("/en/impressum/").text
    assert "Zum Inhalt springen" in german and "Hauptnavigation" in german
    assert "Skip to content" in english and "Main navigation" in english
