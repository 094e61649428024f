from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and projects")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms.plugins import DemoContent, Feed, KeyFigure, SearchFacet, TeaserSource, registry

        from .demo import load_demo, translate_home_page
        from .models import HomePage, ProgrammePage

        registry.set_home_page_model(HomePage)
        registry.add_embeddable(ProgrammePage)
        registry.add_teaser_source(
            TeaserSource(
                key="home.programmes",
                label=_("Projects"),
                model=ProgrammePage,
                image_field="image",
                text_field="intro",
            )
        )
        registry.add_key_figure(
            KeyFigure(
                key="home.programmes",
                label=_("Projects"),
                count=lambda: (
                    ProgrammePage.objects.live().values("translation_key").distinct().count()
                ),
                order=10,
            )
        )
        registry.add_search_facet(
            SearchFacet(key="projekte", label=_("Projects"), models=(ProgrammePage,), order=10)
        )
        registry.add_feed(
            Feed(
                key="projekte",
                title=_("Projects"),
                description=_("New projects of the programme"),
                items=lambda: (
                    ProgrammePage.objects.live()
                    .public()
                    .filter(locale__language_code=settings.LANGUAGE_CODE)
                    .order_by("-first_published_at")[:20]
                ),
                item_description=lambda page: page.intro,
            )
        )
        registry.add_demo_content(DemoContent(key="home", load=load_demo, order=10))
        registry.add_demo_content(
            DemoContent(key="home.english", load=translate_home_page, order=900)
        )
