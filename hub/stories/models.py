"""Good-practice stories (Praxisbeispiele) and their filterable listing."""

from django import forms
from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock
from wagtail.models import Page
from wagtail.search import index

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase

from cms.blocks import BaseStreamBlock
from cms.filters import Facet
from cms.models.listing import keyword_facet
from cms.plugins import CARD_RENDITIONS
from cms.queries import restrictions_version

from ..taxonomy.listing import RegionalIndexPage
from ..taxonomy.models import CompanySize, Industry, Region, Topic


class StoryPageTag(TaggedItemBase):
    content_object = ParentalKey("StoryPage", on_delete=models.CASCADE, related_name="tagged_items")


class StoryIndexPage(RegionalIndexPage):
    """The listing of good-practice stories with filters that combine."""

    body = StreamField(BaseStreamBlock(), verbose_name=_("content below the list"), blank=True)

    content_panels = RegionalIndexPage.content_panels + [FieldPanel("body")]
    subpage_types = ["hub.StoryPage"]
    template = "hub/story_index_page.html"
    item_model = "StoryPage"
    card_template = "hub/components/story_card.html"
    card_name = "story"
    empty_message = _("No story matches all of the chosen filters.")

    class Meta:
        verbose_name = _("story listing")

    def facets(self):
        return [
            Facet("branche", _("Industry"), "industry", Industry),
            Facet("thema", _("Topic"), "topics", Topic),
            Facet("groesse", _("Company size"), "company_size", CompanySize),
            Facet("region", _("Region"), "region", Region),
            keyword_facet(StoryPageTag),
        ]

    ordering = ("-date", "-pk")

    def items_key(self):
        # all_items(): below this page or of its region, in its language, and public.
        return f"{self.pk}:{self.locale_id}:{self.region_id}:{restrictions_version()}"

    def prepare(self, results):
        return (
            results.select_related("industry", "region", "company_size")
            .prefetch_related(
                Prefetch(
                    "listing_image",
                    queryset=get_image_model().objects.prefetch_renditions(*CARD_RENDITIONS),
                )
            )
            .defer_streamfields()
        )


class StoryPage(Page):
    """How a company took a step into digital work, told as challenge, approach, result."""

    company = models.CharField(_("company"), max_length=120)
    industry = models.ForeignKey(
        "hub.Industry", verbose_name=_("industry"), on_delete=models.PROTECT, related_name="+"
    )
    company_size = models.ForeignKey(
        "hub.CompanySize",
        verbose_name=_("company size"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    region = models.ForeignKey(
        "hub.Region", verbose_name=_("region"), on_delete=models.PROTECT, related_name="+"
    )
    topics = ParentalManyToManyField("hub.Topic", verbose_name=_("topics"), blank=True)
    date = models.DateField(_("publication date"), default=timezone.localdate)
    summary = models.TextField(
        _("summary"), max_length=400, help_text=_("Two sentences for the listing and teasers.")
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("listing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown on the card in the listing; decorative there."),
    )
    challenge = RichTextField(_("challenge"), features=["bold", "italic", "ul", "ol", "link"])
    approach = RichTextField(_("approach"), features=["bold", "italic", "ul", "ol", "link"])
    result = RichTextField(_("result"), features=["bold", "italic", "ul", "ol", "link"])
    quote = models.TextField(_("quote"), blank=True, max_length=600)
    quote_by = models.CharField(_("quote by"), max_length=120, blank=True)
    contact = models.ForeignKey(
        "cms.ContactPerson",
        verbose_name=_("contact person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    gallery = StreamField(
        [("image", ImageBlock(label=_("Image")))],
        verbose_name=_("gallery"),
        blank=True,
        help_text=_("Every image needs a description, or must be marked as decorative."),
    )
    related = StreamField(
        [("page", blocks.PageChooserBlock(label=_("Page")))],
        verbose_name=_("related pages"),
        blank=True,
        help_text=_("E.g. toolbox methods or support offerings that helped."),
    )
    tags = ClusterTaggableManager(through=StoryPageTag, blank=True, verbose_name=_("keywords"))

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("company"),
                FieldRowPanel([FieldPanel("industry"), FieldPanel("company_size")]),
                FieldPanel("region"),
            ],
            heading=_("Company"),
        ),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("listing_image"),
        FieldPanel("challenge"),
        FieldPanel("approach"),
        FieldPanel("result"),
        MultiFieldPanel([FieldPanel("quote"), FieldPanel("quote_by")], heading=_("Quote")),
        FieldPanel("contact"),
        FieldPanel("gallery"),
        FieldPanel("related"),
        FieldPanel("tags"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("company", boost=2),
        index.SearchField("summary"),
        index.SearchField("challenge"),
        index.SearchField("approach"),
        index.SearchField("result"),
        index.FilterField("date"),
    ]
    parent_page_types = ["hub.StoryIndexPage"]
    subpage_types = []
    template = "hub/story_page.html"

    class Meta:
        verbose_name = _("good-practice story")
        verbose_name_plural = _("good-practice stories")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # One query for everything the facts box and the contact need.
        context["story"] = (
            StoryPage.objects.select_related(
                "industry",
                "company_size",
                "region",
                "contact",
                "contact__organisation",
                "contact__photo",
            )
            .defer_streamfields()
            .get(pk=self.pk)
        )
        context["related_pages"] = [
            block.value for block in self.related if block.value is not None and block.value.live
        ]
        context["story_tags"] = list(self.tags.all())
        context["topics"] = list(self.topics.all())
        url = self.get_url(request) or ""
        context["listing_url"] = url[: url.rstrip("/").rfind("/") + 1]
        return context
