from django.apps import AppConfig
from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class HubConfig(AppConfig):
    name = "hub"
    verbose_name = _("Zukunfts-HUB")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):

        from taggit.models import Tag

        from cms.filters import watch_terms
        from cms.plugins import (
            DemoContent,
            Feed,
            KeyFigure,
            ScheduledJob,
            SearchFacet,
            TeaserSource,
            registry,
        )

        from .demo import load_demo, load_events, load_hubs, load_news, load_offerings
        from .models import (
            CompanySize,
            EventKind,
            Industry,
            NewsPage,
            OfferingPage,
            OfferingPageTag,
            OfferingType,
            Region,
            StoryPage,
            StoryPageTag,
            Topic,
        )

        # Keywords are offered as a filter once a published page carries them.
        watch_terms(CompanySize, Industry, Region, Topic, OfferingType, EventKind, Tag)
        watch_terms(StoryPageTag, OfferingPageTag)

        def german_stories():
            return (
                StoryPage.objects.live()
                .public()
                .filter(locale__language_code=settings.LANGUAGE_CODE)
                .order_by("-date", "-pk")[:20]
            )

        registry.add_teaser_source(
            TeaserSource(
                key="hub.stories",
                label=_("Good-practice stories"),
                model=StoryPage,
                order_by=("-date", "-pk"),
                image_field="listing_image",
                text_field="summary",
            )
        )
        registry.add_key_figure(
            KeyFigure(
                key="hub.stories",
                label=_("Good-practice stories"),
                count=lambda: StoryPage.objects.live().values("translation_key").distinct().count(),
                order=20,
            )
        )
        registry.add_search_facet(
            SearchFacet(
                key="praxisbeispiele",
                label=_("Good-practice stories"),
                models=(StoryPage,),
                order=20,
            )
        )
        registry.add_feed(
            Feed(
                key="praxisbeispiele",
                title=_("Good-practice stories"),
                description=_("How companies in the region take steps into digital work"),
                items=german_stories,
                item_description=lambda page: page.summary,
            )
        )
        registry.add_demo_content(DemoContent(key="hub", load=load_demo, order=20))
        registry.add_demo_content(DemoContent(key="hub.offerings", load=load_offerings, order=21))
        registry.add_demo_content(DemoContent(key="hub.news", load=load_news, order=22))
        registry.add_demo_content(DemoContent(key="hub.hubs", load=load_hubs, order=23))
        registry.add_teaser_source(
            TeaserSource(
                key="hub.news",
                label=_("News"),
                model=NewsPage,
                order_by=("-date", "-pk"),
                image_field="image",
                text_field="summary",
            )
        )
        registry.add_search_facet(
            SearchFacet(key="aktuelles", label=_("News"), models=(NewsPage,), order=40)
        )
        registry.add_feed(
            Feed(
                key="aktuelles",
                title=_("News"),
                description=_("News and press releases"),
                items=lambda: (
                    NewsPage.objects.live()
                    .public()
                    .filter(locale__language_code=settings.LANGUAGE_CODE)
                    .order_by("-date", "-pk")[:20]
                ),
                item_description=lambda page: page.summary,
            )
        )

        def current_offerings():
            today = timezone.localdate()
            return OfferingPage.objects.live().filter(
                Q(valid_until__isnull=True) | Q(valid_until__gte=today)
            )

        registry.add_teaser_source(
            TeaserSource(
                key="hub.offerings",
                label=_("Support offerings"),
                model=OfferingPage,
                text_field="summary",
            )
        )
        registry.add_key_figure(
            KeyFigure(
                key="hub.offerings",
                label=_("Current support offerings"),
                count=lambda: current_offerings().values("translation_key").distinct().count(),
                order=30,
            )
        )
        registry.add_search_facet(
            SearchFacet(
                key="angebote", label=_("Support offerings"), models=(OfferingPage,), order=30
            )
        )
        registry.add_feed(
            Feed(
                key="angebote",
                title=_("Support offerings"),
                description=_("Current support offerings for small and medium-sized companies"),
                items=lambda: (
                    current_offerings()
                    .filter(locale__language_code=settings.LANGUAGE_CODE)
                    .order_by("-first_published_at")[:20]
                ),
                item_description=lambda page: page.summary,
            )
        )

        self.register_events(registry, DemoContent, Feed, KeyFigure, SearchFacet, TeaserSource)
        registry.add_demo_content(DemoContent(key="hub.events", load=load_events, order=24))
        # Seats held for unconfirmed registrations run out within the hour; registrations
        # are deleted some days after their event (data minimisation).
        registry.add_scheduled_job(
            ScheduledJob(key="hub.holds", command="release_expired_holds", every=300)
        )
        registry.add_scheduled_job(
            ScheduledJob(key="hub.purge", command="purge_registrations", every=3600)
        )

    def register_events(self, registry, DemoContent, Feed, KeyFigure, SearchFacet, TeaserSource):
        from django.db.models import Sum

        from .models import EventFigures, EventPage
        from .models.events import start_of_today

        def upcoming(queryset):
            return queryset.filter(ends_at__gte=start_of_today(), cancelled_at__isnull=True)

        registry.add_teaser_source(
            TeaserSource(
                key="hub.events",
                label=_("Upcoming events"),
                model=EventPage,
                order_by=("starts_at", "pk"),
                text_field="summary",
                current=upcoming,
            )
        )
        registry.add_key_figure(
            KeyFigure(
                key="hub.learning_journeys",
                label=_("Learning journeys held"),
                count=lambda: (
                    EventPage.objects.live()
                    .filter(
                        kind__slug="lernreise",
                        ends_at__lt=timezone.now(),
                        cancelled_at__isnull=True,
                    )
                    .values("translation_key")
                    .distinct()
                    .count()
                ),
                order=40,
            )
        )
        registry.add_key_figure(
            KeyFigure(
                key="hub.participants",
                label=_("Participants in events"),
                count=lambda: (
                    EventFigures.objects.filter(
                        event__ends_at__lt=timezone.now(), event__cancelled_at__isnull=True
                    ).aggregate(n=Sum("attended_places"))["n"]
                    or 0
                ),
                order=41,
            )
        )
        registry.add_search_facet(
            SearchFacet(key="veranstaltungen", label=_("Events"), models=(EventPage,), order=35)
        )
        registry.add_feed(
            Feed(
                key="veranstaltungen",
                title=_("Events"),
                description=_("Learning journeys, work labs and workshops in the region"),
                items=lambda: (
                    upcoming(EventPage.objects.live().public())
                    .filter(locale__language_code=settings.LANGUAGE_CODE)
                    .order_by("starts_at", "pk")[:20]
                ),
                item_description=lambda page: page.summary,
            )
        )
