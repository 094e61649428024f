"""Blocks of the regional HUB pages: a module groups the HUB's offer under one name
(e.g. Pr@xisprojekte, Beratung, Wissen, Erfolg) and lists its latest items."""

from urllib.parse import urlencode

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from cms.blocks import BaseStreamBlock, LinkBlock
from cms.queries import public

from ..events.pages import EventPage
from ..news.models import NewsPage
from ..offerings.models import OfferingPage
from ..stories.models import StoryPage

GROUP_LABELS = {
    "stories": _("Good-practice stories"),
    "offerings": _("Support offerings"),
    "events": _("Upcoming events"),
    "news": _("News"),
}
MORE_LABELS = {
    "stories": _("All good-practice stories of the region"),
    "offerings": _("All support offerings in the region"),
    "events": _("All events in the region"),
    "news": _("All news"),
}
SOURCES = [
    ("stories", _("Good-practice stories of the region")),
    ("offerings", _("Current support offerings in the region")),
    ("events", _("Upcoming events in the region")),
    ("news", _("News")),
]


def module_groups(value, region_id, locale_id):
    """The newest items of each of a module's sources: {source: [(page, eyebrow, meta)]}."""
    count, sources = value["count"], value["sources"]
    topic, kind = value.get("topic"), value.get("kind")
    groups = {}
    if "stories" in sources:
        stories = public(StoryPage.objects.live().filter(locale_id=locale_id, region_id=region_id))
        if topic:
            stories = stories.filter(topics=topic)
        stories = stories.select_related("industry").defer_streamfields().order_by("-date", "-pk")
        groups["stories"] = [
            (story, story.date, story.industry.name, story.company) for story in stories[:count]
        ]
    if "offerings" in sources:
        offerings = public(
            OfferingPage.objects.live().current().filter(locale_id=locale_id, regions=region_id)
        )
        if kind:
            offerings = offerings.filter(kind=kind)
        offerings = (
            offerings.select_related("kind", "provider")
            .defer_streamfields()
            .order_by("-first_published_at", "-pk")
        )
        groups["offerings"] = [
            (offering, None, offering.kind.name, offering.provider.name)
            for offering in offerings[:count]
        ]
    if "events" in sources:
        events = public(
            EventPage.objects.live()
            .upcoming()
            .held()
            .filter(locale_id=locale_id, region_id=region_id)
        )
        events = events.select_related("kind").defer_streamfields().order_by("starts_at", "pk")
        groups["events"] = [
            (event, event.starts_at, event.kind.name, event.city or None)
            for event in events[:count]
        ]
    if "news" in sources:
        news = public(NewsPage.objects.live().filter(locale_id=locale_id)).defer_streamfields()
        groups["news"] = [
            (item, item.date, item.get_kind_display(), None)
            for item in news.order_by("-date", "-pk")[:count]
        ]
    return groups


class HubModuleBlock(blocks.StructBlock):
    """One of the HUB's modules with the newest stories, offerings or news of its region."""

    title = blocks.CharBlock(label=_("Name of the module"), max_length=60)
    text = blocks.TextBlock(label=_("Short description"), required=False, max_length=300)
    sources = blocks.MultipleChoiceBlock(
        label=_("Show the newest"),
        choices=SOURCES,
        default=["stories"],
        widget=forms.CheckboxSelectMultiple,
    )
    topic = SnippetChooserBlock(
        "hub.Topic",
        label=_("Only stories of this topic"),
        required=False,
    )
    kind = SnippetChooserBlock(
        "hub.OfferingType",
        label=_("Only offerings of this kind"),
        required=False,
    )
    count = blocks.IntegerBlock(
        label=_("Number of items"),
        default=3,
        min_value=1,
        max_value=9,
        help_text=_("Per kind of content shown."),
    )
    links = blocks.ListBlock(
        LinkBlock(label=_("Link")),
        label=_("Further links"),
        required=False,
        default=[],
        help_text=_("E.g. to a contact page or the HUB's offering finder."),
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        page = (parent_context or {}).get("page")
        region_id = getattr(page, "region_id", None)
        if region_id is None:  # not on a HUB page: nothing to list
            context["groups"] = []
            return context
        found = module_groups(value, region_id, page.locale_id)
        listings = (parent_context or {}).get("hub_listings") or {}
        context["groups"] = [
            {
                "key": key,
                "label": GROUP_LABELS[key],
                "items": found[key],
                "more": self.more_link(key, value, page, listings.get(key)),
            }
            for key in value["sources"]
            if key in found
        ]
        return context

    def more_link(self, key, value, page, listing):
        """An "all …" link to the listing, filtered like the module."""
        if not listing or not listing[0]:
            return None
        url, limited = listing
        params = {}
        if key in ("stories", "offerings", "events") and not limited:
            params["region"] = page.region.slug
        if key == "stories" and value.get("topic"):
            params["thema"] = value["topic"].slug
        if key == "offerings" and value.get("kind"):
            params["art"] = value["kind"].slug
        return (url + ("?" + urlencode(params) if params else ""), MORE_LABELS[key])

    class Meta:
        icon = "placeholder"
        label = _("HUB module")
        template = "hub/blocks/hub_module.html"


class HubStreamBlock(BaseStreamBlock):
    module = HubModuleBlock()
