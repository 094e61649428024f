from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class ToolboxConfig(AppConfig):
    name = "toolbox"
    verbose_name = _("Toolbox")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):

        from cms.filters import watch_terms
        from cms.plugins import DemoContent, Feed, KeyFigure, SearchFacet, TeaserSource, registry

        from .demo import load_demo, load_quickcheck
        from .models import (
            Audience,
            Duration,
            EntryKind,
            QuickcheckPage,
            Theme,
            ToolboxEntryPage,
            ToolboxEntryTag,
        )

        watch_terms(Audience, Duration, EntryKind, Theme, ToolboxEntryTag)

        registry.add_teaser_source(
            TeaserSource(
                key="toolbox.entries",
                label=_("Toolbox entries"),
                model=ToolboxEntryPage,
                text_field="goal",
            )
        )
        registry.add_key_figure(
            KeyFigure(
                key="toolbox.entries",
                label=_("Methods and tools in the toolbox"),
                count=lambda: (
                    ToolboxEntryPage.objects.live().values("translation_key").distinct().count()
                ),
                order=40,
            )
        )
        registry.add_search_facet(
            SearchFacet(
                key="werkzeugkasten",
                label=_("Toolbox"),
                models=(ToolboxEntryPage,),
                order=25,
            )
        )
        registry.add_feed(
            Feed(
                key="werkzeugkasten",
                title=_("Toolbox"),
                description=_("New methods, checklists and tools for reverse mentoring"),
                items=lambda: (
                    ToolboxEntryPage.objects.live()
                    .public()
                    .filter(locale__language_code=settings.LANGUAGE_CODE)
                    .order_by("-first_published_at")[:20]
                ),
                item_description=lambda page: page.goal,
            )
        )
        registry.add_demo_content(DemoContent(key="toolbox", load=load_demo, order=30))
        registry.add_demo_content(
            DemoContent(key="toolbox.quickcheck", load=load_quickcheck, order=31)
        )
        registry.add_embeddable(QuickcheckPage)
