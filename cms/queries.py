"""Query helpers that keep the number of SQL queries per page small and flat."""

from django.db import transaction

from wagtail.models import PageViewRestriction

from . import counters
from .cache import remembered

RESTRICTIONS_VERSION_KEY = counters.common("restrictions-version")


def restrictions_version():
    return counters.version(RESTRICTIONS_VERSION_KEY)


def restrictions_changed(**kwargs):
    """A restriction saved or deleted, or a page moved: read the restricted paths anew,
    now and once more when the transaction commits (a request in between may have read
    the old ones under the new version)."""
    counters.bump(RESTRICTIONS_VERSION_KEY)
    transaction.on_commit(lambda: counters.bump(RESTRICTIONS_VERSION_KEY))


def restricted_paths():
    """Tree paths of pages with a view restriction, cached until a restriction changes
    or a page moves (not on every publish: restrictions change rarely)."""
    key = f"restricted-paths:{restrictions_version()}"
    return remembered(
        key, lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True))
    )


def public(queryset):
    """Like PageQuerySet.public(), without a query for the restrictions each time."""
    for path in restricted_paths():
        queryset = queryset.exclude(path__startswith=path)
    return queryset
