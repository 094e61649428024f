"""What cms wires up once every model is loaded: its own records in the plugin registry,
the signal receivers that keep caches and versions right, and the plugins' plugin.py
(imported from ``CmsConfig.ready()``)."""

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
)
from wagtail.snippets.models import get_snippet_models

from . import cache, compare, frontend_cache, i18n, queries, sites, slugs
from .accounts import personal_data
from .models import ContentPage, FormPage, Organisation
from .plugins import KeyFigure, ScheduledJob, SearchFacet, TeaserSource, discover, registry

registry.add_teaser_source(
    TeaserSource(key="cms.pages", label=_("Content pages"), model=ContentPage)
)
registry.add_search_facet(
    SearchFacet(key="pages", label=_("Pages"), models=(ContentPage, FormPage), order=900)
)
registry.add_key_figure(
    KeyFigure(
        key="cms.organisations",
        label=_("Partner organisations"),
        count=lambda: Organisation.objects.filter(live=True).count(),
        order=50,
    )
)

personal_data.register()
slugs.register()
compare.register()
# Editors' "go live" and "expire" times happen by themselves within a minute.
registry.add_scheduled_job(ScheduledJob(key="cms.publish", command="publish_scheduled", every=60))
# Expired sessions and failed sign-ins that no longer count are deleted.
registry.add_scheduled_job(
    ScheduledJob(key="cms.sessions", command="clearsessions", every=24 * 3600)
)
registry.add_scheduled_job(
    ScheduledJob(key="cms.sign_in_failures", command="forget_failed_sign_ins", every=3600)
)
if settings.TASKS["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend":
    # Done tasks hold e-mails with names and links: gone after a day (failed
    # ones after a week, time to look into them).
    registry.add_scheduled_job(
        ScheduledJob(
            key="cms.done_tasks",
            command="prune_db_task_results",
            every=24 * 3600,
            args=("--min-age-days=1", "--failed-min-age-days=7"),
        )
    )

# The restricted paths first (now and on commit), then the generation: a page
# rendered in between must not keep menus or teasers built from the old paths
# under the new generation.
for signal in (post_save, post_delete):
    signal.connect(
        queries.restrictions_changed,
        sender=PageViewRestriction,
        dispatch_uid=f"restrictions-{id(signal)}",
    )
post_page_move.connect(queries.restrictions_changed, dispatch_uid="restrictions-move")
# Any change that can show on a public page starts a new cache generation.
for signal in (page_published, page_unpublished, post_page_move):
    signal.connect(cache.invalidate, dispatch_uid=f"page-cache-{signal}")
post_delete.connect(cache.invalidate, sender=Page, dispatch_uid="page-cache-delete")
# … and a CDN in front, when configured, is told which addresses changed.
for signal in (page_published, page_unpublished, post_page_move):
    signal.connect(frontend_cache.purge_page, dispatch_uid=f"frontend-cache-{signal}")
for signal in (post_page_move, page_slug_changed):
    signal.connect(frontend_cache.purge_old_addresses, dispatch_uid=f"frontend-cache-old-{signal}")
for signal in (post_save, post_delete):
    signal.connect(
        frontend_cache.purge_restricted,
        sender=PageViewRestriction,
        dispatch_uid=f"frontend-cache-restriction-{id(signal)}",
    )
for signal in (post_save, post_delete):
    for model in (PageViewRestriction, Site):
        uid = f"cache-{model.__name__}-{id(signal)}"
        signal.connect(cache.invalidate, sender=model, dispatch_uid=uid)
post_save.connect(sites.forget_sites, sender=Site, dispatch_uid="forget-sites")
post_delete.connect(sites.forget_sites, sender=Site, dispatch_uid="forget-sites-del")
page_published.connect(sites.forget_sites_for_root, dispatch_uid="forget-sites-root")


# Snippets and settings of every plugin, whatever registers them.
def invalidate_for_shared_records(sender, update_fields=None, **kwargs):
    shared = issubclass(sender, BaseSiteSetting) or sender in get_snippet_models()
    if shared and cache.affects_public(update_fields):
        cache.invalidate()


post_save.connect(invalidate_for_shared_records, weak=False, dispatch_uid="page-cache-snippets")
post_delete.connect(
    invalidate_for_shared_records, weak=False, dispatch_uid="page-cache-snippets-del"
)
post_save.connect(i18n.forget_locales, sender=Locale, dispatch_uid="forget-locales")
post_delete.connect(i18n.forget_locales, sender=Locale, dispatch_uid="forget-locales-del")

queries.skip_view_restriction_queries()

# Every plugin's plugin.py fills the registry (cms/plugins.py).
discover()
