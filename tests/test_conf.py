"""A plugin's settings (cms/conf.py): the project's value where it sets one, else the
plugin's default; Django's own settings through the same object."""

from hub.conf import settings as hub_settings
from toolbox.conf import settings as toolbox_settings


def test_defaults_until_the_project_sets_a_value(settings):
    assert hub_settings.EVENT_PENDING_MIN == 10
    settings.EVENT_PENDING_MIN = 3
    assert hub_settings.EVENT_PENDING_MIN == 3
    assert toolbox_settings.QUICKCHECK_RATE_LIMIT == (20, 3600)


def test_django_settings_come_through(settings):
    assert hub_settings.LANGUAGE_CODE == "de"
    settings.TIME_ZONE = "UTC"
    assert hub_settings.TIME_ZONE == "UTC"
