"""RSS 2.0 and Atom feeds for whatever the plugins register as cms.plugins.Feed."""

from django.contrib.syndication.views import Feed as SyndicationFeed
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from .plugins import registry


class PluginFeed(SyndicationFeed):
    feed_type = Rss201rev2Feed

    def get_object(self, request, key):
        feed = registry.feeds.get(key)
        if feed is None:
            raise Http404
        self.request = request
        return feed

    def title(self, feed):
        return str(feed.title)

    def description(self, feed):
        return str(feed.description)

    subtitle = description

    def link(self, feed):
        return "/"

    def items(self, feed):
        self._feed = feed
        return list(feed.items())

    def item_title(self, page):
        return page.title

    def item_description(self, page):
        return self._feed.item_description(page)

    def item_link(self, page):
        return page.get_url(self.request)

    def item_pubdate(self, page):
        return page.first_published_at

    def item_updateddate(self, page):
        return page.last_published_at


class PluginAtomFeed(PluginFeed):
    feed_type = Atom1Feed
