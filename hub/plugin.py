"""What the HUB offers the rest of the site (cms/plugins.py), found by cms."""

from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from taggit.models import Tag

from cms.filters import watch_terms
from cms.plugins import (
    Feed,
    KeyFigure,
    ScheduledJob,
    SearchFacet,
    TeaserSource,
    registry,
)

from .events.models import EventFigures, EventKind
from .events.pages import EventPage
from .landing.models import HubIndexPage, HubPage
from .news.models import NewsPage
from .offerings.models import OfferingPage, OfferingPageTag, OfferingType
from .stories.models import StoryPage, StoryPageTag
from .taxonomy.models import CompanySize, Industry, Region, Topic

# Keywords are offered as a filter once a published page carries them.
watch_terms(CompanySize, Industry, Region, Topic, OfferingType, EventKind, Tag)
watch_terms(StoryPageTag, OfferingPageTag)

# -- stories ---------------------------------------------------------------------------
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
registry.add_key_figure(KeyFigure.pages("hub.stories", _("Good-practice stories"), StoryPage, 20))
registry.add_search_facet(
    SearchFacet(
        key="praxisbeispiele", label=_("Good-practice stories"), models=(StoryPage,), order=20
    )
)
registry.add_feed(
    Feed.of_pages(
        "praxisbeispiele",
        _("Good-practice stories"),
        _("How companies in the region take steps into digital work"),
        StoryPage,
        text_field="summary",
        order_by=("-date", "-pk"),
    )
)

# -- news ------------------------------------------------------------------------------
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
    Feed.of_pages(
        "aktuelles",
        _("News"),
        _("News and press releases"),
        NewsPage,
        text_field="summary",
        order_by=("-date", "-pk"),
    )
)

# -- support offerings (current: OfferingQuerySet.current) --------------------------------
registry.add_teaser_source(
    TeaserSource(
        key="hub.offerings",
        label=_("Support offerings"),
        model=OfferingPage,
        text_field="summary",
    )
)
registry.add_key_figure(
    KeyFigure.pages(
        "hub.offerings",
        _("Current support offerings"),
        OfferingPage,
        30,
        current=lambda pages: pages.current(),
    )
)
registry.add_search_facet(
    SearchFacet(
        key="zukunfts-hubs", label=_("Regional HUBs"), models=(HubIndexPage, HubPage), order=45
    )
)
registry.add_search_facet(
    SearchFacet(key="angebote", label=_("Support offerings"), models=(OfferingPage,), order=30)
)
registry.add_feed(
    Feed.of_pages(
        "angebote",
        _("Support offerings"),
        _("Current support offerings for small and medium-sized companies"),
        OfferingPage,
        text_field="summary",
        current=lambda pages: pages.current(),
    )
)

# -- events (upcoming and held: EventQuerySet) -------------------------------------------
registry.add_teaser_source(
    TeaserSource(
        key="hub.events",
        label=_("Upcoming events"),
        model=EventPage,
        order_by=("starts_at", "pk"),
        text_field="summary",
        current=lambda pages: pages.upcoming().held(),
    )
)
registry.add_key_figure(
    KeyFigure.pages(
        "hub.learning_journeys",
        _("Learning journeys held"),
        EventPage,
        40,
        current=lambda pages: pages.held().filter(
            kind__slug="lernreise", ends_at__lt=timezone.now()
        ),
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
    Feed.of_pages(
        "veranstaltungen",
        _("Events"),
        _("Learning journeys, work labs and workshops in the region"),
        EventPage,
        text_field="summary",
        order_by=("starts_at", "pk"),
        current=lambda pages: pages.upcoming().held(),
    )
)
# Seats held for unconfirmed registrations run out within the hour; registrations are
# deleted some days after their event (data minimisation).
registry.add_scheduled_job(
    ScheduledJob(key="hub.holds", command="release_expired_holds", every=300)
)
registry.add_scheduled_job(ScheduledJob(key="hub.purge", command="purge_registrations", every=3600))
