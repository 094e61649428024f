"""Query helpers that keep the number of SQL queries per page small and flat."""

from wagtail.models import Page, PageViewRestriction

from . import counters
from .cache import remembered

RESTRICTIONS_VERSION_KEY = counters.common("restrictions-version")
RESTRICTED_PATHS_SECONDS = 60


def restrictions_version():
    return counters.version(RESTRICTIONS_VERSION_KEY)


def restrictions_changed(**kwargs):
    """A restriction saved or deleted, or a page moved: read the restricted paths anew,
    now and once more when the transaction commits (a request in between may have read
    the old ones under the new version)."""
    counters.changed(RESTRICTIONS_VERSION_KEY)


def restricted_paths():
    """Tree paths of pages with a view restriction, cached until a restriction changes
    or a page moves (not on every publish: restrictions change rarely)."""
    key = f"restricted-paths:{restrictions_version()}"
    # A minute at most: pages skip Wagtail's restriction check while this is empty
    # (skip_view_restriction_queries), so a version bump lost in a cache outage, or a
    # restriction written without signals, must not leave a page open for long.
    return remembered(
        key,
        lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True)),
        timeout=RESTRICTED_PATHS_SECONDS,
    )


def public(queryset):
    """Like PageQuerySet.public(), without a query for the restrictions each time."""
    for path in restricted_paths():
        queryset = queryset.exclude(path__startswith=path)
    return queryset


def skip_view_restriction_queries():
    """Wagtail checks the view restrictions of every page it serves with two queries
    (the page's ancestors, then their restrictions), about a tenth of rendering a
    listing. Most sites have no restriction at all: then ``restricted_paths()`` (kept
    per restrictions version, bumped on every change) says so without a query, and
    every page answers "none". With any restriction, Wagtail's own method decides,
    aliases of restricted pages included. Called once, from cms's ``ready()``."""
    original = Page.get_view_restrictions
    if getattr(original, "_zh_shortcut", False):
        return

    def get_view_restrictions(self):
        if not restricted_paths():
            return PageViewRestriction.objects.none()
        return original(self)

    get_view_restrictions._zh_shortcut = True
    Page.get_view_restrictions = get_view_restrictions
