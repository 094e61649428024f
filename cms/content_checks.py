"""Wagtail's content checks ("Überprüfungen" in the editor, and the userbar) with rules
chosen for editors: empty and skipped headings, missing or file-name alt text, and link
texts that do not say where they lead ("hier klicken", "mehr", "click here"), a rule of
ours. Messages are in the Sie form (German catalogue).

The link-text check runs in the page (the preview frame) as a small script,
static/js/content-checks.js, registered with Wagtail's userbar; its pattern comes from
here, so the words are kept in one place.
"""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.userbar import ContentCheckerItem

# Whole link texts that say nothing about the destination (case-insensitive).
VAGUE_LINK_TEXT = (
    r"^(hier|hier klicken|klicken sie hier|klick hier|mehr|mehr lesen|mehr erfahren"
    r"|mehr infos?|mehr dazu|weiter|weiterlesen|link|details|click here|here|more"
    r"|read more|learn more|continue)$"
)
# Alt texts that are file names or camera names (Wagtail's own pattern, widened).
FILE_NAME_ALT = (
    r"\.(avif|gif|heic|jpe?g|png|svg|tiff?|webp)$|_"
    r"|^(img|dsc|dscn|dcim|pxl|mvimg|screenshot|bildschirmfoto)\W*\d"
)


class EditorContentChecker(ContentCheckerItem):
    axe_run_only = [*ContentCheckerItem.axe_run_only, "image-alt", "link-text-quality"]
    # Header, navigation and footer come from the site, not from the page editor.
    axe_include = ["main"]

    class Media:
        js = ["js/content-checks.js"]

    def get_axe_custom_checks(self, request):
        checks = [
            {**check, "options": {"pattern": FILE_NAME_ALT}}
            if check["id"] == "check-image-alt-text"
            else check
            for check in super().get_axe_custom_checks(request)
        ]
        return [*checks, {"id": "check-link-text", "options": {"pattern": VAGUE_LINK_TEXT}}]

    def get_axe_custom_rules(self, request):
        return [
            *super().get_axe_custom_rules(request),
            {
                "id": "link-text-quality",
                "impact": "serious",
                "selector": "a[href]",
                "tags": ["best-practice"],
                "any": ["check-link-text"],
                "enabled": True,
            },
        ]

    def get_axe_messages(self, request):
        return {
            **super().get_axe_messages(request),
            "image-alt": {
                "error_name": _("Image without alternative text"),
                "help_text": _(
                    "Describe the image in the image library, or mark it as decorative "
                    "where you insert it."
                ),
            },
            "link-text-quality": {
                "error_name": _("Link text does not say where the link leads"),
                "help_text": _(
                    "Replace words such as “hier klicken”, “mehr” or “weiter” with words "
                    "that name the destination, e.g. “Förderprogramme für KMU”."
                ),
            },
        }


def use_editor_content_checker(request, items, page=None):
    items[:] = [
        EditorContentChecker(in_editor=item.in_editor)
        if isinstance(item, ContentCheckerItem)
        else item
        for item in items
    ]
