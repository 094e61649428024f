"""The Werkzeugkasten's entries: methods, checklists, templates, videos and app tips for
reverse-mentoring tandems, their Lotsen and companies, and the filtered index of them."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase

from cms.blocks import VideoBlock
from cms.filters import Facet
from cms.models.listing import FilteredIndexPage, keyword_facet
from cms.queries import public

from ..taxonomy.models import Audience, Duration, EntryKind, Theme


class ToolboxEntryTag(TaggedItemBase):
    content_object = ParentalKey(
        "ToolboxEntryPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Step"), max_length=120)
    text = blocks.RichTextBlock(
        label=_("What to do"), features=["bold", "italic", "ul", "ol", "link"], required=False
    )
    minutes = blocks.IntegerBlock(label=_("Minutes"), required=False, min_value=1, max_value=600)

    class Meta:
        icon = "list-ol"
        label = _("Step")


class ToolboxIndexPage(FilteredIndexPage):
    """The Werkzeugkasten with filters for theme, kind, audience and duration."""

    subpage_types = ["toolbox.ToolboxEntryPage", "toolbox.QuickcheckPage"]
    template = "toolbox/toolbox_index_page.html"
    item_model = "ToolboxEntryPage"
    ordering = ("title", "pk")
    empty_message = _("No toolbox entry matches all of the chosen filters.")

    class Meta:
        verbose_name = _("toolbox")

    def facets(self):
        return [
            Facet("thema", _("Theme"), "theme", Theme),
            Facet("art", _("Kind"), "kind", EntryKind),
            Facet("fuer", _("For"), "audiences", Audience),
            Facet("dauer", _("Time needed"), "duration", Duration),
            keyword_facet(ToolboxEntryTag),
        ]

    def prepare(self, results):
        return results.select_related("theme", "kind", "duration").defer_streamfields()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The self-assessments (Quickchecks) below the toolbox, shown above its entries.
        context["self_checks"] = list(
            public(self.get_children().live().not_type(ToolboxEntryPage))
            .defer_streamfields()
            .specific()
        )
        return context


class ToolboxEntryPage(RoutablePageMixin, Page):
    """A method, checklist, template, video or app tip, with its steps and downloads."""

    theme = models.ForeignKey(
        Theme, verbose_name=_("theme"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.ForeignKey(
        EntryKind, verbose_name=_("kind"), on_delete=models.PROTECT, related_name="+"
    )
    audiences = ParentalManyToManyField(Audience, verbose_name=_("for whom"), blank=True)
    duration = models.ForeignKey(
        Duration,
        verbose_name=_("duration"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    group_size = models.CharField(
        _("group size"), max_length=80, blank=True, help_text=_("E.g. 'a tandem (2 people)'.")
    )
    goal = models.TextField(
        _("goal"), max_length=500, help_text=_("What the method achieves, in one or two sentences.")
    )
    materials = models.CharField(
        _("what you need"), max_length=200, blank=True, help_text=_("E.g. 'flip chart, pens'.")
    )
    steps = StreamField(
        [("step", StepBlock())],
        verbose_name=_("steps"),
        blank=True,
        help_text=_("In the order in which they are done."),
    )
    downloads = StreamField(
        [("document", DocumentChooserBlock(label=_("Document")))],
        verbose_name=_("downloads"),
        blank=True,
        help_text=_("Templates, checklists, handouts. File type and size are shown."),
    )
    video = StreamField(
        [("video", VideoBlock())],
        verbose_name=_("video"),
        blank=True,
        max_num=1,
    )
    tips = models.TextField(_("tips from practice"), blank=True, max_length=800)
    tags = ClusterTaggableManager(through=ToolboxEntryTag, blank=True, verbose_name=_("keywords"))

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("theme"), FieldPanel("kind")]),
        FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("duration"), FieldPanel("group_size")]),
                FieldPanel("materials"),
            ],
            heading=_("Frame"),
        ),
        FieldPanel("goal"),
        FieldPanel("steps"),
        FieldPanel("tips"),
        FieldPanel("video"),
        FieldPanel("downloads"),
        FieldPanel("tags"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("goal", boost=2),
        index.SearchField("steps"),
        index.SearchField("tips"),
    ]
    parent_page_types = ["toolbox.ToolboxIndexPage"]
    subpage_types = []
    template = "toolbox/toolbox_entry_page.html"

    class Meta:
        verbose_name = _("toolbox entry")
        verbose_name_plural = _("toolbox entries")

    def entry_context(self, request):
        entry = (
            ToolboxEntryPage.objects.select_related("theme", "kind", "duration")
            .defer_streamfields()
            .get(pk=self.pk)
        )
        documents = [block.value for block in self.downloads if block.value is not None]
        url = self.get_url(request) or ""
        return {
            "entry": entry,
            "audiences": list(self.audiences.all()),
            "entry_tags": list(self.tags.all()),
            "documents": documents,
            "listing_url": url[: url.rstrip("/").rfind("/") + 1],
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.entry_context(request))
        return context

    @path("")
    def index(self, request):
        return self.render(request)

    @path("drucken/", name="print")
    def print_view(self, request):
        """The entry on paper: every step, no navigation, links written out."""
        return self.render(request, template="toolbox/toolbox_entry_print.html")
