import io
import os

from django.core.cache import caches
from django.core.management import call_command
from django.test import Client

from wagtail.models import Page, Site

import pytest


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database holds the German demo content, loaded once per run.

    Tests that use ``db`` run in a transaction on top of it and are rolled back.
    """
    # The tests expect the demo's Site at localhost, whatever port a shell exported.
    os.environ.pop("PORT", None)
    with django_db_blocker.unblock():
        call_command("load_demo", stdout=io.StringIO())


SOFT_HYPHEN = "\u00ad".encode()


class VisitorClient(Client):
    """The test client, reading pages as a visitor does: the soft hyphens in long words
    (cms/hyphenation.py) are invisible, so they are taken out of HTML before a test looks
    for a text. tests/test_hyphenation.py checks them with Django's own client."""

    def request(self, **request):
        response = super().request(**request)
        if response.get("Content-Type", "").startswith("text/html") and not response.streaming:
            response.content = response.content.replace(SOFT_HYPHEN, b"")
        return response


@pytest.fixture
def client():
    return VisitorClient()


@pytest.fixture(autouse=True)
def clear_caches():
    from cms.cache import forget_memory

    for alias in ("default", "shared"):
        caches[alias].clear()
    forget_memory()
    yield
    for alias in ("default", "shared"):
        caches[alias].clear()
    forget_memory()


@pytest.fixture
def home(db):
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def page_by_slug(db):
    def get(slug, language="de"):
        return Page.objects.get(slug=slug, locale__language_code=language).specific

    return get


@pytest.fixture
def editor(db, django_user_model):
    return django_user_model.objects.get(username="admin")
