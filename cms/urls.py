from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.utils.translation import pgettext_lazy
from django.views.static import serve as serve_static

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from . import views
from .feeds import PluginAtomFeed, PluginFeed
from .health import HealthView
from .plugins import registry
from .sitemap import SiteSitemap, cached_sitemap

handler400 = "cms.views.bad_request"
handler404 = "cms.views.page_not_found"
handler500 = "cms.views.server_error"

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", cached_sitemap, {"sitemaps": {"pages": SiteSitemap}}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("healthz/", HealthView.as_view(), name="health"),
    path("feeds/<slug:key>/rss/", PluginFeed(), name="feed_rss"),
    path("feeds/<slug:key>/atom/", PluginAtomFeed(), name="feed_atom"),
]

if getattr(settings, "SERVE_MEDIA", False):
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve_static, {"document_root": settings.MEDIA_ROOT}),
    ]

urlpatterns += i18n_patterns(
    path(pgettext_lazy("URL path", "search/"), views.search, name="search"),
    path(pgettext_lazy("URL path", "account/"), include("cms.accounts.urls")),
    # The plugins' own addresses beside the page tree (cms.plugins.Routes).
    *registry.url_patterns(),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
