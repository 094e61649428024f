"""A filterable listing page for the plugins: facets that combine, counts, pagination."""

from django.apps import apps
from django.db import models
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from taggit.models import Tag

from ..cache import generation_for, remembered_many
from ..filters import Facet, FacetedListing
from ..queries import public
from ..views import PAGE_PARAMETER

# Every listing of the site shows this many items per page (a grid of 2, 3 or 4 columns).
LISTING_PAGE_SIZE = 12
CARD_SECONDS = 3600  # a card's lifetime in the cache; a publish renders it anew anyway


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
    """The live, public pages of one type below this page, filtered by facets.

    Subclasses give `item_model` (the model name in the same app), `facets()`, and
    may refine `all_items()` (which pages are listed), `current()` (e.g. leave expired
    ones out), `narrow()` (filters beside the facets, such as a keyword search) and
    `prepare()` (select_related, ordering). Templates extend
    ``listing/filtered_index_page.html``; the page gives `empty_message`.
    """

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    max_count_per_parent = 1
    item_model = ""  # the listed page type's model name, e.g. "StoryPage"
    per_page = LISTING_PAGE_SIZE
    empty_message = _("Nothing matches all of the chosen filters.")

    class Meta:
        abstract = True

    def facets(self):
        raise NotImplementedError

    def all_items(self):
        """Every live, public item, current or not (e.g. for an archive)."""
        model = apps.get_model(self._meta.app_label, self.item_model)
        return public(model.objects.live().filter(locale_id=self.locale_id).child_of(self))

    def items(self):
        return self.current(self.all_items())

    def current(self, items):
        return items

    def narrow(self, request, items):
        """Filters beyond the facets: returns the items and extra context."""
        return items, {}

    ordering = ("-pk",)  # the display order
    # A card per item (a template with the item as `card_name`), kept in the cache:
    # the template then shows `cards` (HTML) instead of the items of `page_obj`.
    card_template = ""
    card_name = "item"

    def prepare(self, results):
        """What the shown page's items need: select_related, prefetching."""
        return results

    def cards(self, request, ids):
        """The cards of these items, in their order: each rendered once per content
        generation and language and kept in the cache, so that a filter combination or
        a page nobody asked for yet finds most of its cards there. Only the missing
        items are loaded (with `prepare`)."""
        generation = generation_for(request)
        language = get_language()
        template = self.card_template
        keys = {pk: f"card:{template}:{pk}:{language}:{generation}" for pk in ids}
        model = apps.get_model(self._meta.app_label, self.item_model)

        def build(missing):
            missing = set(missing)
            wanted = [pk for pk in ids if keys[pk] in missing]
            return {
                keys[item.pk]: render_to_string(self.card_template, {self.card_name: item})
                for item in self.prepare(model.objects.filter(pk__in=wanted))
            }

        found = remembered_many(list(keys.values()), build, CARD_SECONDS) if keys else {}
        # The cards are HTML this site rendered itself.
        return [mark_safe(found[keys[pk]]) for pk in ids if keys[pk] in found]

    def listing_facets(self):
        return self.facets()

    def items_key(self):
        """A short name for what ``items()`` holds, part of the filter matrix's cache key
        (with the content generation, so live or moved items need not be named), so
        that a request whose matrix is cached builds no item query at all. It must
        change whenever ``items()`` would hold other items; None (the default) keys the
        matrix by the query's SQL. Listings that ``narrow()`` are always keyed by SQL."""
        return None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        key = self.items_key()
        if key is not None and type(self).narrow is FilteredIndexPage.narrow:
            model = apps.get_model(self._meta.app_label, self.item_model)
            items, extra = self.items, {}  # built only when the matrix is not cached
        else:
            model, key = None, None
            items, extra = self.narrow(request, self.items())
        facets = self.listing_facets()
        listing = FacetedListing(request, items, facets, self.ordering, model=model, key=key)
        number = request.GET.get(PAGE_PARAMETER)
        page_obj = listing.page(number, self.per_page, self.prepare, load=not self.card_template)
        if self.card_template:
            context["cards"] = self.cards(request, page_obj.object_list)
        context.update(
            extra,
            listing=listing,
            facets=listing.build_options(),
            page_obj=page_obj,
            filtered=listing.is_filtered or extra.get("filtered", False),
            # How many choices the filters hold ("Filter (3)" on phones).
            chosen_filters=sum(map(len, listing.selected.values())) + extra.get("chosen", 0),
        )
        return context
