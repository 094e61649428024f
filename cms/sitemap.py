from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from .queries import public


class SiteSitemap(Sitemap):
    """Wagtail's sitemap over every language tree of the site, not only the default one."""

    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_any_tree = Q()
        for root in roots:
            in_any_tree |= Q(path__startswith=root.path)
        return (
            public(Page.objects.filter(in_any_tree).live())
            .order_by("locale_id", "path")
            .defer_streamfields()
            .specific()  # page types may add URLs of their own (get_sitemap_urls)
        )
