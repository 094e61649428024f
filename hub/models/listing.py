"""What the hub's filterable listings (stories, offerings) have in common."""

from django.apps import apps
from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from taggit.models import Tag

from cms.queries import public
from cms.views import PAGE_PARAMETER

from ..filters import Facet, FacetedListing


def keyword_facet(through):
    """A facet over the free keywords (Schlagworte) used on one page type."""
    related = f"{through._meta.app_label}_{through._meta.model_name}_items"
    return Facet(
        "schlagwort",
        _("Keywords"),
        "tags",
        Tag,
        queryset=Tag.objects.filter(**{f"{related}__isnull": False}).distinct().order_by("name"),
    )


class FilteredIndexPage(Page):
    """A listing page with facets that combine, counts, pagination and, optionally,
    a limit to one region (for a regional HUB's own listing).

    Without a region the page lists its own children. With a region it lists every
    item of that region in its language, wherever it is kept: a HUB's own listing
    needs no copies of the stories.

    Subclasses give `item_model`, `facets()`, `region_lookup` (the field that holds
    an item's region(s)) and may refine `current()` (which items are listed at all),
    `narrow()` (extra filters such as a keyword search) and `prepare()`.
    """

    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    region = models.ForeignKey(
        "hub.Region",
        verbose_name=_("only this region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Leave empty to list the pages below this one. With a region, the list shows "
            "every item of that region on the site, e.g. for a regional HUB's own list."
        ),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("region")]
    max_count_per_parent = 1
    item_model = ""  # the listed page type's model name, e.g. "StoryPage"
    per_page = 12
    region_lookup = "region"

    class Meta:
        abstract = True

    def facets(self):
        raise NotImplementedError

    def items(self):
        model = apps.get_model(self._meta.app_label, self.item_model)
        queryset = model.objects.live().filter(locale_id=self.locale_id)
        if self.region_id:
            queryset = queryset.filter(**{self.region_lookup: self.region_id})
        else:
            queryset = queryset.child_of(self)
        return self.current(public(queryset))

    def current(self, items):
        return items

    def narrow(self, request, items):
        """Filters beyond the facets: returns the items and extra context."""
        return items, {}

    def prepare(self, results):
        return results

    def listing_facets(self):
        facets = self.facets()
        if self.region_id:
            facets = [facet for facet in facets if facet.field != self.region_lookup]
        return facets

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        items, extra = self.narrow(request, self.items())
        listing = FacetedListing(request, items, self.listing_facets())
        results = self.prepare(listing.filtered())
        context.update(
            extra,
            listing=listing,
            facets=listing.build_options(),
            page_obj=Paginator(results, self.per_page).get_page(request.GET.get(PAGE_PARAMETER)),
            filtered=listing.is_filtered or extra.get("filtered", False),
        )
        return context
