"""The landing page of a regional HUB (e.g. the Ruhr area, a rural district)."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.queries import public

from ..events.pages import EventIndexPage
from ..news.models import NewsIndexPage
from ..offerings.models import OfferingIndexPage
from ..stories.models import StoryIndexPage
from .blocks import HubStreamBlock


class HubPage(Page):
    """A regional HUB, composed by the editors from blocks; its modules show the newest
    stories, offerings and news of the HUB's region."""

    shows_other_pages = True  # purged from a CDN with every publish (cms/frontend_cache.py)

    region = models.ForeignKey(
        "hub.Region",
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The modules list what belongs to this region."),
    )
    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    body = StreamField(
        HubStreamBlock(),
        verbose_name=_("content"),
        blank=True,
        help_text=_("Add a 'HUB module' for each part of the HUB's offer."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("region"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    subpage_types = [
        "hub.StoryIndexPage",
        "hub.OfferingIndexPage",
        "hub.NewsIndexPage",
        "cms.ContentPage",
        "cms.FormPage",
    ]
    template = "hub/hub_page.html"

    class Meta:
        verbose_name = _("regional HUB")
        verbose_name_plural = _("regional HUBs")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["hub_listings"] = self.listings(request)
        return context

    def listings(self, request):
        """Where each kind of item is listed, for the modules' "all …" links: a listing
        below this HUB (limited to its region) comes before the site-wide one, which
        gets the region as a filter. One query."""
        kinds = {
            StoryIndexPage: "stories",
            OfferingIndexPage: "offerings",
            EventIndexPage: "events",
            NewsIndexPage: "news",
        }
        types = {
            ContentType.objects.get_for_model(model, for_concrete_model=False).pk: key
            for model, key in kinds.items()
        }
        found = {}
        candidates = public(
            Page.objects.live().filter(locale_id=self.locale_id, content_type_id__in=types)
        ).order_by("depth", "path")
        for candidate in candidates:
            key = types[candidate.content_type_id]
            below = candidate.path.startswith(self.path)
            if key not in found or (below and not found[key][1]):
                found[key] = (candidate.get_url(request), below)
        return found

    def modules(self):
        """The modules' names and anchors for the page's own navigation."""
        return [
            (block.id, block.value["title"]) for block in self.body if block.block_type == "module"
        ]


class HubIndexPage(Page):
    """The programme's regional HUBs at a glance ("Zukunfts-HUBs" in the menu): each
    HUB with its region and introduction, in the editors' order."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    subpage_types = ["hub.HubPage"]
    max_count_per_parent = 1
    template = "hub/hub_index_page.html"

    class Meta:
        verbose_name = _("overview of the regional HUBs")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["hubs"] = public(HubPage.objects.child_of(self).live()).select_related("region")
        return context
