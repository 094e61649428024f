"""The plugin contract.

A plugin (``home``, ``hub``, ``toolbox``, ``courses``) is a Django app that offers
things to the rest of the site by registering small records here from its
``plugin.py`` (found by ``discover``). ``cms`` reads this registry and never imports a
plugin, so any plugin can be left out of ``INSTALLED_APPS`` and the site still runs.
See docs/plugins.md.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import import_module
from typing import Any

from django.apps import apps
from django.conf import settings
from django.utils.module_loading import module_has_submodule

from .queries import public

# The renditions components/card.html asks for; prefetched with every teaser list.
CARD_RENDITIONS = [
    f"format-{fmt}|fill-{size}" for size in ("480x300", "960x600") for fmt in ("webp", "jpeg")
]


@dataclass(frozen=True)
class TeaserSource:
    """Pages that a teaser list on any page can show, newest first."""

    key: str
    label: Any
    model: type  # a Page subclass
    order_by: tuple[str, ...] = ("-first_published_at",)
    image_field: str | None = None  # a ForeignKey to an image shown on the card
    text_field: str = "search_description"  # the card's short text
    card_template: str = "components/card.html"
    # Narrows the live pages, e.g. to upcoming events: a function of the queryset.
    current: Callable[[Any], Any] | None = None

    def items(self, count: int, locale=None):
        queryset = public(self.model.objects.live()).defer_streamfields()
        if self.current is not None:
            queryset = self.current(queryset)
        if locale is not None:
            queryset = queryset.filter(locale=locale)
        if self.image_field:
            from django.db.models import Prefetch

            from wagtail.images import get_image_model

            queryset = queryset.prefetch_related(
                Prefetch(
                    self.image_field,
                    queryset=get_image_model().objects.prefetch_renditions(*CARD_RENDITIONS),
                )
            )
        return list(queryset.order_by(*self.order_by)[:count])


@dataclass(frozen=True)
class KeyFigure:
    """A number counted live from the database, e.g. published good-practice stories."""

    key: str
    label: Any
    count: Callable[[], int]
    order: int = 100

    @classmethod
    def pages(cls, key, label, model, order=100, current=None):
        """Published pages of a type, each counted once across its language versions
        (``current`` narrows the live pages, e.g. to upcoming events)."""

        def count():
            queryset = model.objects.live()
            if current is not None:
                queryset = current(queryset)
            return queryset.values("translation_key").distinct().count()

        return cls(key=key, label=label, count=count, order=order)


@dataclass(frozen=True)
class SearchFacet:
    """A filter of the site search: the page types it stands for."""

    key: str
    label: Any
    models: tuple[type, ...]
    order: int = 100


@dataclass(frozen=True)
class Feed:
    """An RSS 2.0 and Atom feed at /feeds/<key>/rss/ and /feeds/<key>/atom/."""

    key: str
    title: Any
    description: Any
    items: Callable[[], Iterable]  # pages, newest first
    item_description: Callable[[Any], str] = field(
        default=lambda page: getattr(page, "search_description", "") or ""
    )

    @classmethod
    def of_pages(
        cls,
        key,
        title,
        description,
        model,
        text_field="search_description",
        order_by=("-first_published_at",),
        current=None,
    ):
        """The first 20 public pages of a type in the site's main language, newest first
        unless ``order_by`` says otherwise (``current`` narrows the live pages)."""

        def items():
            pages = model.objects.live()
            if current is not None:
                pages = current(pages)
            pages = pages.filter(locale__language_code=settings.LANGUAGE_CODE)
            return public(pages).order_by(*order_by)[:20]

        return cls(
            key=key,
            title=title,
            description=description,
            items=items,
            item_description=lambda page: getattr(page, text_field, "") or "",
        )


@dataclass(frozen=True)
class PersonalData:
    """What a plugin stores about a user with an account, e.g. course enrolments.

    ``export(user)`` returns JSON-serialisable data (dates and times allowed) for
    "download my data". ``delete(user)`` removes it for good when the user deletes
    their account; it runs before the user is deleted, in the same transaction, and
    may be left out when everything goes with the user anyway (on_delete=CASCADE).
    """

    key: str
    label: Any
    export: Callable[[Any], dict | list]
    delete: Callable[[Any], None] | None = None
    order: int = 100
    # What stops working when the user deletes their account, as a sentence the page
    # that asks them to confirm shows (e.g. certificates that no longer verify); ""
    # when nothing does for this user.
    deletion_notice: Callable[[Any], str] | None = None


@dataclass(frozen=True)
class AccountLink:
    """A page of the user's own that "My account" links to, e.g. the courses' "My
    courses". ``url(request)`` gives its address, or None where there is none."""

    key: str
    label: Any
    url: Callable[[Any], str | None]
    order: int = 100


@dataclass(frozen=True)
class Routes:
    """Addresses of a plugin's own beside the page tree, e.g. /zertifikat/<code>/.

    ``patterns`` is a callable returning Django URL patterns (called when the URLs are
    loaded, so that a plugin's views are imported late). They are served in every
    language, German without a prefix and English under /en/, before the pages.
    """

    key: str
    patterns: Callable[[], list]


@dataclass(frozen=True)
class ScheduledJob:
    """A management command the site runs by itself every ``every`` seconds.

    ``manage.py run_scheduled`` (started by ``make run``, a scheduler container or a
    systemd unit) runs each job once at start and then at its interval. A job must be
    idempotent and quick; a failing job is logged and does not stop the others.
    """

    key: str
    command: str
    every: int
    args: tuple = ()


class PluginRegistry:
    def __init__(self):
        self.teaser_sources: dict[str, TeaserSource] = {}
        self.key_figures: dict[str, KeyFigure] = {}
        self.search_facets: dict[str, SearchFacet] = {}
        self.feeds: dict[str, Feed] = {}
        self.personal_data: dict[str, PersonalData] = {}
        self.account_links: dict[str, AccountLink] = {}
        self.routes: dict[str, Routes] = {}
        self.scheduled_jobs: dict[str, ScheduledJob] = {}
        self.home_page_model: type | None = None

    # Registration -------------------------------------------------------------
    def add_teaser_source(self, source: TeaserSource):
        self.teaser_sources[source.key] = source

    def add_key_figure(self, figure: KeyFigure):
        self.key_figures[figure.key] = figure

    def add_search_facet(self, facet: SearchFacet):
        self.search_facets[facet.key] = facet

    def add_feed(self, feed: Feed):
        self.feeds[feed.key] = feed

    def add_personal_data(self, data: PersonalData):
        self.personal_data[data.key] = data

    def add_account_link(self, link: AccountLink):
        self.account_links[link.key] = link

    def add_routes(self, routes: Routes):
        self.routes[routes.key] = routes

    def add_scheduled_job(self, job: ScheduledJob):
        self.scheduled_jobs[job.key] = job

    def set_home_page_model(self, model: type):
        """The page type the demo loader uses as the site's root page."""
        self.home_page_model = model

    # Reading ------------------------------------------------------------------
    def sorted_key_figures(self) -> list[KeyFigure]:
        return sorted(self.key_figures.values(), key=lambda f: (f.order, f.key))

    def sorted_search_facets(self) -> list[SearchFacet]:
        return sorted(self.search_facets.values(), key=lambda f: (f.order, f.key))

    def sorted_personal_data(self) -> list[PersonalData]:
        return sorted(self.personal_data.values(), key=lambda d: (d.order, d.key))

    def sorted_account_links(self) -> list[AccountLink]:
        return sorted(self.account_links.values(), key=lambda link: (link.order, link.key))

    def sorted_scheduled_jobs(self) -> list[ScheduledJob]:
        return sorted(self.scheduled_jobs.values(), key=lambda j: (j.every, j.key))

    def url_patterns(self) -> list:
        return [pattern for key in sorted(self.routes) for pattern in self.routes[key].patterns()]

    @contextmanager
    def temporarily(self, *records) -> Iterator[None]:
        """Register records for the duration of a ``with`` block (tests)."""
        saved = {
            name: (dict(value) if isinstance(value, dict) else list(value))
            for name, value in vars(self).items()
            if isinstance(value, dict | list)
        }
        adders = {
            TeaserSource: self.add_teaser_source,
            KeyFigure: self.add_key_figure,
            SearchFacet: self.add_search_facet,
            Feed: self.add_feed,
            PersonalData: self.add_personal_data,
            AccountLink: self.add_account_link,
            Routes: self.add_routes,
            ScheduledJob: self.add_scheduled_job,
        }
        for record in records:
            adders[type(record)](record)
        try:
            yield
        finally:
            for name, value in saved.items():
                setattr(self, name, value)


registry = PluginRegistry()


def discover():
    """Import the ``plugin`` module of every installed plugin, which fills the registry
    (as Wagtail imports every app's ``wagtail_hooks``). Called once, from cms's
    ``AppConfig.ready()``, when every model is loaded."""
    for name in settings.PLUGINS:
        module = apps.get_app_config(name).module
        if module_has_submodule(module, "plugin"):
            import_module(f"{name}.plugin")


def teaser_source_choices():
    """Choices for the teaser-list block; a callable so migrations stay stable."""
    return [(source.key, source.label) for source in registry.teaser_sources.values()]


def key_figure_choices():
    return [(figure.key, figure.label) for figure in registry.sorted_key_figures()]
