"""Settings of a plugin with their defaults (each plugin's ``conf.py``)."""

import os

from django.conf import settings as django_settings


class PluginSettings:
    """Django's settings, plus a plugin's own with their defaults: a name the project's
    settings define comes from there (tests override them as usual), any other of the
    plugin's names from ``defaults``. Read on every access, never copied."""

    def __init__(self, defaults):
        self._defaults = defaults

    def __getattr__(self, name):
        if name in self._defaults and not hasattr(django_settings, name):
            return self._defaults[name]
        return getattr(django_settings, name)


def env_int(name, default):
    """A whole number from the environment (``ZUKUNFTSHUB_…``), else ``default``."""
    return int(os.environ.get(name, default))


def env_list(name):
    """A comma-separated list from the environment, else empty."""
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]
