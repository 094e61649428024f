"""News and press releases (Aktuelles / Pressemitteilungen)."""

from django.core.paginator import Paginator
from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import BaseStreamBlock
from cms.models.listing import LISTING_PAGE_SIZE
from cms.plugins import CARD_RENDITIONS
from cms.queries import public


class NewsKind(models.TextChoices):
    NEWS = "news", pgettext_lazy("kind of news", "News")
    PRESS = "press", _("Press release")


class NewsIndexPage(Page):
    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["hub.NewsPage"]
    max_count_per_parent = 1
    template = "hub/news_index_page.html"

    class Meta:
        verbose_name = _("news listing")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        kind = request.GET.get("art", "")
        items = public(NewsPage.objects.child_of(self).live()).defer_streamfields()
        if kind in NewsKind.values:
            items = items.filter(kind=kind)
        items = items.prefetch_related(
            Prefetch(
                "image",
                queryset=get_image_model().objects.prefetch_renditions(*CARD_RENDITIONS),
            )
        ).order_by("-date", "-pk")
        context.update(
            kind=kind if kind in NewsKind.values else "",
            kinds=NewsKind.choices,
            page_obj=Paginator(items, LISTING_PAGE_SIZE).get_page(request.GET.get("seite")),
        )
        return context


class NewsPage(Page):
    kind = models.CharField(_("kind"), max_length=10, choices=NewsKind, default=NewsKind.NEWS)
    date = models.DateField(_("date"), default=timezone.localdate)
    summary = models.TextField(_("summary"), max_length=400)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("teaser image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown in the listing and teasers; decorative there."),
    )
    author = models.ForeignKey(
        "cms.ContactPerson",
        verbose_name=_("author or press contact"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("content"))
    related = StreamField(
        [("page", blocks.PageChooserBlock(label=_("Page")))],
        verbose_name=_("related pages"),
        blank=True,
        help_text=_("E.g. good-practice stories or support offerings."),
    )

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("date")]),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("author"),
        FieldPanel("body"),
        FieldPanel("related"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    parent_page_types = ["hub.NewsIndexPage"]
    subpage_types = []
    template = "hub/news_page.html"

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_pages"] = [b.value for b in self.related if b.value and b.value.live]
        return context
