"""Faceted filtering for hub listings: GET parameters, combined filters and counts.

Within one facet the chosen values are alternatives (OR), across facets they all
apply (AND). Each facet's counts are taken with every *other* facet applied, so a
visitor sees how many results a further choice would give. The number of queries
is fixed: one count per facet, whatever the number of items or choices.
"""

from dataclasses import dataclass, field

from django.core.cache import caches
from django.db.models import Count
from django.utils.translation import gettext as _

TERMS_VERSION_KEY = "hub-terms-version"


def terms_version():
    return caches["shared"].get_or_set(TERMS_VERSION_KEY, 1, timeout=None)


def terms_changed(**kwargs):
    """Saving or deleting a term: every process reads the terms anew."""
    try:
        caches["shared"].incr(TERMS_VERSION_KEY)
    except ValueError:
        caches["shared"].set(TERMS_VERSION_KEY, 2, timeout=None)


MAX_VALUES = 20  # per facet; longer lists are cut, not an error
MAX_VALUE_LENGTH = 80


@dataclass
class Facet:
    param: str  # the GET parameter, e.g. "branche"
    label: str
    field: str  # the model field: a ForeignKey or a (Parental)ManyToManyField to a Term
    term_model: type
    queryset: object = None  # the terms offered; all of term_model's by default
    options: list = field(default_factory=list)  # filled per request: dicts for the template

    def terms(self):
        queryset = self.term_model.objects.all() if self.queryset is None else self.queryset
        return {term.slug: (term.pk, term.name) for term in queryset}


class FacetedListing:
    def __init__(self, request, queryset, facets):
        self.request = request
        self.base = queryset
        self.facets = facets
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

    def _terms(self):
        """Every facet's terms (slug → id, name), cached until a term changes."""
        params = ",".join(f.param for f in self.facets)
        key = f"hub-terms:{self.base.model._meta.label_lower}:{params}:{terms_version()}"
        terms = caches["default"].get(key)
        if terms is None:
            terms = {facet.param: facet.terms() for facet in self.facets}
            caches["default"].set(key, terms, 3600)
        return terms

    def filtered(self, without=None):
        queryset = self.base
        for facet in self.facets:
            if facet is without or not self.selected[facet.param]:
                continue
            ids = [self.terms[facet.param][slug][0] for slug in self.selected[facet.param]]
            queryset = queryset.filter(**{f"{facet.field}__in": ids})
        return queryset.distinct() if self.any_many_selected() else queryset

    def any_many_selected(self):
        return any(
            self.selected[f.param] and self.base.model._meta.get_field(f.field).many_to_many
            for f in self.facets
        )

    def build_options(self):
        """Fill each facet's options with label, slug, count and checked state."""
        for facet in self.facets:
            counts = dict(
                self.filtered(without=facet)
                .order_by()
                .values_list(facet.field)
                .annotate(n=Count("pk", distinct=True))
                .values_list(facet.field, "n")
            )
            facet.options = [
                {
                    "slug": slug,
                    "name": name,
                    "count": counts.get(pk, 0),
                    "checked": slug in self.selected[facet.param],
                }
                for slug, (pk, name) in self.terms[facet.param].items()
            ]
        return self.facets

    @property
    def is_filtered(self):
        return any(self.selected.values())
