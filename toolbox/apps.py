from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ToolboxConfig(AppConfig):
    """The Werkzeugkasten and the Quickcheck. What it offers the site: plugin.py."""

    name = "toolbox"
    verbose_name = _("Toolbox")
    default_auto_field = "django.db.models.BigAutoField"
