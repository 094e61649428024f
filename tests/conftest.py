import io
import os

from django.core.cache import caches
from django.core.management import call_command

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
