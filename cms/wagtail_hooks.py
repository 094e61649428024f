from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import ContactPerson, Organisation


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    list_display = ["name", "kind", "website"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name"]
    list_export = ["name", "short_name", "kind", "website"]


class ContactPersonViewSet(SnippetViewSet):
    model = ContactPerson
    icon = "user"
    list_display = ["name", "role", "organisation", "email"]
    list_filter = ["organisation"]
    search_fields = ["name", "role", "email"]


class DirectoryGroup(SnippetViewSetGroup):
    menu_label = _("Directory")
    menu_icon = "folder-open-inverse"
    menu_order = 250
    items = (OrganisationViewSet, ContactPersonViewSet)


register_snippet(DirectoryGroup)
