"""What the hub's filterable listings (stories, offerings) add: a limit to one region."""

from django.apps import apps
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel

from cms.models.listing import FilteredIndexPage
from cms.queries import public


class RegionalIndexPage(FilteredIndexPage):
    """A listing that can be limited to one region (for a regional HUB's own list).

    Without a region the page lists its own children. With a region it lists every
    item of that region in its language, wherever it is kept: a HUB's own listing
    needs no copies of the stories. `region_lookup` names the field that holds an
    item's region(s).
    """

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

    content_panels = FilteredIndexPage.content_panels + [FieldPanel("region")]
    region_lookup = "region"

    class Meta:
        abstract = True

    def all_items(self):
        if not self.region_id:
            return super().all_items()
        model = apps.get_model(self._meta.app_label, self.item_model)
        queryset = model.objects.live().filter(
            locale_id=self.locale_id, **{self.region_lookup: self.region_id}
        )
        return public(queryset)

    def listing_facets(self):
        """With a fixed region, the region is no filter."""
        if not self.region_id:
            return self.facets()
        return [facet for facet in self.facets() if facet.field != self.region_lookup]
