from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import CompanySize, Industry, OfferingType, Region, Topic


class TermViewSet(SnippetViewSet):
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]


class IndustryViewSet(TermViewSet):
    model = Industry
    icon = "cogs"


class RegionViewSet(TermViewSet):
    model = Region
    icon = "site"


class TopicViewSet(TermViewSet):
    model = Topic
    icon = "tag"


class CompanySizeViewSet(TermViewSet):
    model = CompanySize
    icon = "group"


class OfferingTypeViewSet(TermViewSet):
    model = OfferingType
    icon = "help"


class HubTaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("HUB taxonomies")
    menu_icon = "list-ul"
    menu_order = 260
    items = (IndustryViewSet, TopicViewSet, CompanySizeViewSet, RegionViewSet, OfferingTypeViewSet)


register_snippet(HubTaxonomyGroup)
