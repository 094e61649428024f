"""Query helpers that keep the number of SQL queries per page small and flat."""

from django.core.cache import caches

from wagtail.models import PageViewRestriction

from .cache import current_generation


def restricted_paths():
    """Tree paths of pages with a view restriction, cached for the current page-cache
    generation (a restriction saved or deleted starts a new one)."""
    key = f"restricted-paths:{current_generation()}"
    paths = caches["default"].get(key)
    if paths is None:
        paths = list(PageViewRestriction.objects.values_list("page__path", flat=True))
        caches["default"].set(key, paths, 3600)
    return paths


def public(queryset):
    """Like PageQuerySet.public(), without a query for the restrictions each time."""
    for path in restricted_paths():
        queryset = queryset.exclude(path__startswith=path)
    return queryset
