"""The demo loader runs on every `make run`: a second run changes nothing."""

import io

from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from wagtail.images import get_image_model
from wagtail.models import Page

import pytest

from cms.models import ContactPerson, Organisation


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
        assert client.login(username=username, password="zukunft-demo")


def test_demo_content_is_refused_outside_demo_settings(db, settings):
    settings.DEMO_MODE = False
    with pytest.raises(CommandError):
        call_command("load_demo", stdout=io.StringIO())
