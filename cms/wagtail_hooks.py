from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from . import content_checks, dashboard, hyphenation, i18n, review
from .admin_views import EditorGuideView
from .models import ContactPerson, Organisation
from .viewsets import SiteSnippetViewSet


class OrganisationViewSet(SiteSnippetViewSet):
    model = Organisation
    icon = "group"
    list_display = ["name", "kind", "website"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name"]
    list_export = ["name", "short_name", "kind", "website"]


class ContactPersonViewSet(SiteSnippetViewSet):
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


# The review loop in plain words, with the reviewer's comment on the edit screen (cms/review.py).
@hooks.register("before_edit_page")
def show_requested_changes_on_pages(request, page):
    review.show_requested_changes(request, page)


@hooks.register("before_edit_snippet")
def show_requested_changes_on_snippets(request, instance):
    review.show_requested_changes(request, instance)


hooks.register("construct_page_action_menu", review.relabel_page_actions)
hooks.register("construct_snippet_action_menu", review.relabel_snippet_actions)
hooks.register("after_edit_page", review.say_approved_page_is_live)
hooks.register("construct_homepage_panels", review.use_review_queue_panel)

# The editors' accessibility checks, with a rule for vague link texts (cms/content_checks.py).
hooks.register("construct_wagtail_userbar", content_checks.use_editor_content_checker)

# The dashboard: my content in review, with the reviewer's comment (cms/dashboard.py).
hooks.register("construct_homepage_panels", dashboard.replace_workflow_panel)


# Hilfe leads to the project's own editor guide, not to Wagtail's English one.
@hooks.register("register_admin_urls")
def register_editor_guide_url():
    return [path("hilfe/", EditorGuideView.as_view(), name="cms_editor_guide")]


@hooks.register("register_help_menu_item")
def register_editor_guide_menu_item():
    return MenuItem(
        _("Editor guide"),
        reverse("cms_editor_guide"),
        name="editor-guide-zukunftshub",
        icon_name="help",
        order=900,
    )


@hooks.register("construct_help_menu")
def remove_wagtail_guides(request, menu_items):
    menu_items[:] = [
        item
        for item in menu_items
        if item.name != "editor-guide" and not item.name.startswith("whats-new-in-wagtail")
    ]


@hooks.register("before_serve_page")
def hyphenate_in_the_language_of_the_content(page, request, serve_args, serve_kwargs):
    """An English alias shows German text: its long words break as German ones."""
    hyphenation.use_content_language(i18n.source_language(page))
