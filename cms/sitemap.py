from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.http import HttpResponse

from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.models import Page

from .cache import kept
from .queries import public


def _adds_urls(content_type_id):
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    return model is not None and model.get_sitemap_urls is not Page.get_sitemap_urls


class SiteSitemap(Sitemap):
    """Wagtail's sitemap over every language tree of the site, not only the default one.

    Pages are read as plain pages: only page types that add URLs of their own
    (``get_sitemap_urls``) are loaded as themselves, with one query per such type,
    so a site of ten thousand stories does not load ten thousand specific pages.
    """

    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_any_tree = Q()
        for root in roots:
            in_any_tree |= Q(path__startswith=root.path)
        return public(Page.objects.filter(in_any_tree).live()).order_by("locale_id", "path")

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        special = {ct for ct in {page.content_type_id for page in pages} if _adds_urls(ct)}
        specific = {}
        if special:
            specific = {
                item.pk: item
                for item in Page.objects.filter(
                    pk__in=[item.pk for item in pages if item.content_type_id in special]
                )
                .defer_streamfields()
                .specific()
            }
        urls, last_mods = [], set()
        for item in pages:
            for url_info in specific.get(item.pk, item).get_sitemap_urls(self.request):
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


def cached_sitemap(request, **kwargs):
    """The sitemap, rendered once per host, page and cache generation (a publish
    anywhere starts a new one): ten thousand URLs take a second to render."""
    rendered = {}

    def build():
        response = rendered["response"] = sitemap(request, **kwargs)
        response.render()
        if response.status_code != 200:
            return None  # not kept: rendered again next time
        headers = {name: value for name, value in response.items() if name != "Content-Length"}
        return response.content, headers

    host, page = request.get_host(), request.GET.get("p", "1")[:6]
    stored = kept("sitemap", host, page, build=build, request=request, memory=False)
    if "response" in rendered:
        return rendered["response"]
    content, headers = stored
    headers = dict(headers)
    response = HttpResponse(content, content_type=headers.pop("Content-Type"))
    for name, value in headers.items():
        response[name] = value
    return response
