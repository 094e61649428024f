from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HubConfig(AppConfig):
    """The regional HUB. What it offers the site: plugin.py."""

    name = "hub"
    verbose_name = _("Zukunfts-HUB")
    default_auto_field = "django.db.models.BigAutoField"
