"""Faceted filtering for listings: GET parameters, combined filters and counts.

Within one facet the chosen values are alternatives (OR), across facets they all
apply (AND). Each facet's counts are taken with every *other* facet applied, so a
visitor sees how many results a further choice would give.

How it stays fast with thousands of items: the listing's items are read once, in
their display order, as a *matrix*: per facet and term, a bitset (a Python int)
of the items that carry the term. Filtering is AND and OR of bitsets, a count is
a popcount, a page of results is a slice of the set bits; only the items on the
shown page are then loaded. The matrix takes one query plus one per
many-to-many facet and is cached until the content or the terms change, so the
number of queries is fixed whatever the number of items or choices.
"""

import hashlib
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.utils.translation import gettext as _

from . import counters
from .cache import affects_public, kept, remembered

TERMS_VERSION_KEY = counters.common("filter-terms-version")


def terms_version():
    return counters.version(TERMS_VERSION_KEY)


def terms_changed(update_fields=None, **kwargs):
    """Saving or deleting a term: every process reads the terms anew (not for a draft,
    a lock or a revision of a term, which change nothing the public sees)."""
    if affects_public(update_fields):
        counters.changed(TERMS_VERSION_KEY)


def watch_terms(*models):
    """Read the listed filter terms anew when one of these models (term snippets,
    tag-through models of keywords) is saved or deleted."""
    from django.db.models.signals import post_delete, post_save

    for model in models:
        label = model._meta.label_lower
        post_save.connect(terms_changed, sender=model, dispatch_uid=f"terms-{label}")
        post_delete.connect(terms_changed, sender=model, dispatch_uid=f"terms-del-{label}")


MAX_VALUES = 20  # per facet; longer lists are cut, not an error
MAX_VALUE_LENGTH = 80


@dataclass
class Facet:
    param: str  # the GET parameter, e.g. "branche"
    label: str
    field: str  # the model field: a ForeignKey or a (Parental)ManyToManyField to a Term
    term_model: type
    queryset: object = None  # the terms offered; all of term_model's by default
    # An item with none of this facet's terms is open to every one of them (e.g. an
    # offering for every industry): it counts and matches under each term.
    open_when_empty: bool = False
    options: list = field(default_factory=list)  # filled per request: dicts for the template

    def terms(self):
        queryset = (
            self.term_model.objects.filter(live=True) if self.queryset is None else self.queryset
        )
        return {term.slug: (term.pk, term.name) for term in queryset}

    def version(self):
        """What, beside the terms version, the offered terms depend on."""
        return ""


@dataclass
class MonthFacet(Facet):
    """The coming months, e.g. for events. `field` holds a month as the number
    yyyymm (e.g. ``dates__month`` for a date row's month); the slug is "2026-12"."""

    term_model: type = None
    months: int = 12

    def terms(self):
        from django.utils import timezone
        from django.utils.formats import date_format

        today = timezone.localdate()
        terms = {}
        for n in range(self.months):
            year, month = divmod(today.month - 1 + n, 12)
            first = today.replace(year=today.year + year, month=month + 1, day=1)
            terms[f"{first:%Y-%m}"] = (first.year * 100 + first.month, date_format(first, "F Y"))
        return terms

    def version(self):
        from django.utils import timezone

        return f"{timezone.localdate():%Y%m}"


class FacetedListing:
    """The facets, choices, counts and one page of results of a listing.

    `queryset` holds every item the listing may show (public, current, narrowed by
    any search); `ordering` is its display order.
    """

    def __init__(self, request, queryset, facets, ordering=("-pk",), model=None, key=None):
        self.request = request
        # The items: a queryset, or a function that builds it when first needed. With a
        # `key` naming what the queryset holds, a request whose matrix is cached builds
        # no queryset (the matrix's cache key is the queryset's SQL otherwise).
        self._base = queryset
        self.model = model or queryset.model
        self.key = key
        self.facets = facets
        self.ordering = tuple(ordering)
        self.messages = []
        self.terms = self._terms()
        self.selected = {}
        for facet in facets:
            values = [v[:MAX_VALUE_LENGTH] for v in request.GET.getlist(facet.param)[:MAX_VALUES]]
            known = {slug for slug in values if slug in self.terms[facet.param]}
            unknown = [v for v in values if v and v not in known]
            if unknown:
                self.messages.append(
                    _("“%(values)s” is not a known choice for %(facet)s and was left out.")
                    % {"values": ", ".join(unknown)[:120], "facet": facet.label}
                )
            self.selected[facet.param] = known
        self._matrix = None

    @property
    def base(self):
        if callable(self._base):
            self._base = self._base()
        return self._base

    def _terms(self):
        """Every facet's terms (slug → id, name), cached until a term changes."""
        from django.utils.translation import get_language

        params = ",".join(f"{f.param}{f.version()}" for f in self.facets)
        model = self.model._meta.label_lower
        key = f"filter-terms:{model}:{params}:{get_language()}:{terms_version()}"
        return remembered(key, lambda: {facet.param: facet.terms() for facet in self.facets})

    # -- the matrix -------------------------------------------------------------
    @property
    def matrix(self):
        """(pks in display order, {param: {term id: bitset}}), cached per content and
        terms generation and per item query (a keyword search is a query of its own)."""
        if self._matrix is None:
            if self.key is not None:
                name = (self.model._meta.label_lower, self.key, self.ordering)
            else:
                sql, params = self.base.order_by(*self.ordering).query.sql_with_params()
                name = (sql, params, self.ordering)
            digest = hashlib.sha256(repr(name).encode()).hexdigest()
            fields = ",".join(f.field for f in self.facets)
            # Keyed by SQL, a matrix per search word: the cache keeps those, not memory.
            self._matrix = kept(
                "filter-matrix",
                digest,
                fields,
                build=self._build_matrix,
                versions=(TERMS_VERSION_KEY,),
                memory=self.key is not None,
            )
        return self._matrix

    def _build_matrix(self):
        model = self.base.model
        # A lookup across a relation ("dates__month") can give an item several values.
        many = [
            f for f in self.facets if "__" in f.field or model._meta.get_field(f.field).many_to_many
        ]
        single = [f for f in self.facets if f not in many]
        rows = list(
            self.base.order_by(*self.ordering).values_list("pk", *(f.field for f in single))
        )
        position = {row[0]: n for n, row in enumerate(rows)}
        bits = {f.param: {} for f in self.facets}
        for n, row in enumerate(rows):
            bit = 1 << n
            for facet, term in zip(single, row[1:], strict=True):
                if term is not None:
                    bits[facet.param][term] = bits[facet.param].get(term, 0) | bit
        for facet in many:
            pairs = self.base.order_by().values_list("pk", facet.field)
            for pk, term in pairs:
                n = position.get(pk)
                if term is not None and n is not None:
                    bits[facet.param][term] = bits[facet.param].get(term, 0) | (1 << n)
        for facet in self.facets:
            if facet.open_when_empty:
                offered = [pk for pk, _name in self.terms[facet.param].values()]
                carrying = 0  # the items that carry one of the offered terms
                for pk in offered:
                    carrying |= bits[facet.param].get(pk, 0)
                open_to_all = ((1 << len(rows)) - 1) & ~carrying
                for pk in offered:
                    bits[facet.param][pk] = bits[facet.param].get(pk, 0) | open_to_all
        return [row[0] for row in rows], bits

    def _mask(self, facet):
        """The items a facet's choice lets through (all of them without a choice)."""
        pks, bits = self.matrix
        chosen = self.selected[facet.param]
        if not chosen:
            return (1 << len(pks)) - 1
        mask = 0
        for slug in chosen:
            mask |= bits[facet.param].get(self.terms[facet.param][slug][0], 0)
        return mask

    def _masks(self):
        return {facet.param: self._mask(facet) for facet in self.facets}

    def matching(self):
        """The bitset of the items that pass every facet."""
        pks, _bits = self.matrix
        result = (1 << len(pks)) - 1
        for mask in self._masks().values():
            result &= mask
        return result

    # -- what the templates show ---------------------------------------------------
    def build_options(self):
        """Fill each facet's options with label, slug, count and checked state."""
        pks, bits = self.matrix
        masks = self._masks()
        everything = (1 << len(pks)) - 1
        for facet in self.facets:
            others = everything
            for param, mask in masks.items():
                if param != facet.param:
                    others &= mask
            facet.options = [
                {
                    "slug": slug,
                    "name": name,
                    "count": (bits[facet.param].get(pk, 0) & others).bit_count(),
                    "checked": slug in self.selected[facet.param],
                }
                for slug, (pk, name) in self.terms[facet.param].items()
            ]
        return self.facets

    def page(self, number, per_page, prepare=None, load=True):
        """One page of the matching items, loaded with one query (plus what
        `prepare`, e.g. prefetching, adds), in display order. With ``load=False`` the
        page holds the items' ids only (for cards kept in the cache)."""
        pks, _bits = self.matrix
        page_obj = Paginator(MatchingIds(pks, self.matching()), per_page).get_page(number)
        ids = list(page_obj.object_list)
        if not load:
            page_obj.object_list = ids
            return page_obj
        queryset = self.model.objects.filter(pk__in=ids)
        if prepare is not None:
            queryset = prepare(queryset)
        found = {item.pk: item for item in queryset}
        page_obj.object_list = [found[pk] for pk in ids if pk in found]
        return page_obj

    @property
    def is_filtered(self):
        return any(self.selected.values())


class MatchingIds:
    """The ids of the items set in a bitset, in display order, as a sequence for the
    paginator: its length is a popcount, and a slice looks up only the ids up to its
    end (a page of a listing of thousands, not all of them)."""

    def __init__(self, pks, mask):
        self.pks = pks
        self.mask = mask
        self.count = mask.bit_count()

    def __len__(self):
        return self.count

    def __getitem__(self, index):
        if not isinstance(index, slice):
            index = index + self.count if index < 0 else index
            if not 0 <= index < self.count:
                raise IndexError(index)
            return self[index : index + 1][0]
        start, stop, step = index.indices(self.count)
        bits = format(self.mask, "b")[::-1]  # bit n at position n
        found, position = [], -1
        while len(found) < stop:
            position = bits.find("1", position + 1)
            found.append(self.pks[position])
        return found[start:stop:step]
