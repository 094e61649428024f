from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Site")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Signal receivers and registry records need every model loaded (Django's rule
        # for ready()); they live in wiring.py, which imports at its top.
        from . import wiring  # noqa: F401
