"""The demo loader runs on every `make run`: a second run changes nothing."""

import io
import os
import subprocess
import sys
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.http import HttpRequest

from wagtail.images import get_image_model
from wagtail.models import Page

import pytest

from cms.models import ContactPerson, Organisation

ROOT = Path(__file__).resolve().parents[1]


def _counts():
    return (
        Page.objects.count(),
        Organisation.objects.count(),
        ContactPerson.objects.count(),
        get_image_model().objects.count(),
        get_user_model().objects.count(),
    )


def test_loading_the_demo_twice_neither_duplicates_nor_fails(db):
    before = _counts()
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert _counts() == before
    assert "Demo content is loaded." in out.getvalue()


def test_demo_logins_work(client, db):
    for username in ("admin", "redaktion", "freigabe"):
        assert client.login(request=HttpRequest(), username=username, password="zukunft-demo")


def test_demo_content_is_refused_outside_demo_settings(db, settings):
    settings.DEMO_MODE = False
    with pytest.raises(CommandError):
        call_command("load_demo", stdout=io.StringIO())


def test_the_demo_site_follows_the_port_it_runs_on(client, db, monkeypatch):
    """make run exports PORT: the sitemap and the links in e-mails use that address."""
    monkeypatch.setenv("PORT", "8765")
    call_command("load_demo", stdout=io.StringIO())
    sitemap = client.get("/sitemap.xml").text
    assert "<loc>http://127.0.0.1:8765/</loc>" in sitemap
    assert "localhost" not in sitemap
    monkeypatch.setenv("PORT", "8080")
    call_command("load_demo", stdout=io.StringIO())
    assert "<loc>http://127.0.0.1:8080/</loc>" in client.get("/sitemap.xml").text


def test_the_admins_e_mail_links_follow_the_port_too():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.dev", "PORT": "8765"}
    env.pop("WAGTAILADMIN_BASE_URL", None)
    printed = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; from django.conf import settings; "
            "print(settings.WAGTAILADMIN_BASE_URL)",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout.strip()
    assert printed == "http://127.0.0.1:8765"
