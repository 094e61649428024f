"""Template tags of the HUB that bring its features together on one page."""

from django import template
from django.db.models import Q

from cms.queries import public

from ..events.pages import EventPage
from ..offerings.models import OfferingPage

register = template.Library()

SUGGESTIONS = 3  # of each kind


@register.simple_tag
def story_suggestions(story):
    """Offerings and upcoming events that fit a story the editors linked nothing to: the
    same region, and the story's industry (offerings open to every industry count) or
    one of its topics (events). Two queries."""
    offerings = public(
        OfferingPage.objects.live()
        .current()
        .filter(locale_id=story.locale_id, regions=story.region_id)
        .filter(Q(industries=story.industry_id) | Q(industries=None))
    )
    events = public(
        EventPage.objects.live()
        .upcoming()
        .held()
        .filter(locale_id=story.locale_id, region_id=story.region_id)
    )
    topics = [topic.pk for topic in story.topics.all()]
    if topics:
        events = events.filter(Q(topics__in=topics) | Q(topics=None))
    return {
        "offerings": list(
            offerings.select_related("kind")
            .defer_streamfields()
            .distinct()
            .order_by("-last_checked", "pk")[:SUGGESTIONS]
        ),
        "events": list(
            events.select_related("kind")
            .defer_streamfields()
            .distinct()
            .order_by("starts_at", "pk")[:SUGGESTIONS]
        ),
    }
