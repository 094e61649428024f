"""Slugs in addresses, ASCII with German transliteration: "Größe & Übung" becomes
"groesse-uebung", never "gre-bung" or "%C3%A4". Wagtail's own transliteration writes
ä as a and drops ß; both the browser (the slug field's formatters, applied before
Wagtail's slugify) and the server (the form field) write ae, oe, ue and ss instead.
"""

import unicodedata

from django import forms
from django.db import models
from django.utils.text import slugify

from wagtail.admin.widgets.slug import SlugInput

GERMAN = {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "ẞ": "SS"}
TABLE = str.maketrans(GERMAN)


def german_slugify(value):
    return slugify(unicodedata.normalize("NFC", str(value)).translate(TABLE))


class GermanSlugInput(SlugInput):
    def __init__(self, attrs=None, formatters=None, locale=None):
        super().__init__(attrs=attrs, formatters=formatters or list(GERMAN.items()), locale=locale)


class GermanSlugFormField(forms.SlugField):
    def to_python(self, value):
        value = super().to_python(value)
        return german_slugify(value) if value else value


def register():
    """Every slug field in the admin (pages, taxonomies) uses these; called from
    CmsConfig.ready(), after Wagtail registered its own slug widget."""
    import wagtail.admin.forms.models as admin_forms  # Wagtail's entry first

    admin_forms.register_form_field_override(
        models.SlugField, override={"form_class": GermanSlugFormField, "widget": GermanSlugInput}
    )
