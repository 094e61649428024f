"""Link addresses editors may enter: web addresses, e-mail and telephone links.

Wagtail's ``URLBlock`` accepts only web addresses, so a button "Schreiben Sie uns"
(``mailto:``) or "Rufen Sie an" (``tel:``) could not be saved. An e-mail address typed
without ``mailto:`` becomes one, instead of the web address ``http://name@host`` that
Django's URL field would make of it.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from wagtail import blocks

PHONE = re.compile(r"\+?[0-9][0-9 ()/.-]{2,30}")
HELP_TEXT = _(
    "A web address (https://…), an e-mail address (mailto:name@example.org) "
    "or a telephone number (tel:+49 231 1234560)."
)


class LinkAddressField(forms.CharField):
    widget = forms.TextInput  # type="url" would refuse an address without mailto:

    def to_python(self, value):
        value = super().to_python(value).strip()
        if not value:
            return value
        scheme = value.split(":", 1)[0].lower() if ":" in value else ""
        if scheme == "mailto":
            address = value.split(":", 1)[1].split("?", 1)[0]
            try:
                validate_email(address)
            except ValidationError:
                message = _(
                    "Enter a valid e-mail address after “mailto:”, e.g. mailto:name@example.org."
                )
                raise ValidationError(message, code="invalid") from None
            return f"mailto:{value.split(':', 1)[1]}"
        if scheme == "tel":
            number = value.split(":", 1)[1].strip()
            if not PHONE.fullmatch(number):
                raise ValidationError(
                    _("Enter a telephone number after “tel:”, e.g. tel:+49 231 1234560."),
                    code="invalid",
                )
            return "tel:" + re.sub(r"[ ()/.-]", "", number)
        if not scheme and "@" in value and "/" not in value:
            try:
                validate_email(value)
            except ValidationError:
                pass
            else:
                return f"mailto:{value}"
        try:
            return forms.URLField(assume_scheme="https").clean(value)
        except ValidationError:
            raise ValidationError(
                _("Enter a web address (https://…), an e-mail or a telephone link."),
                code="invalid",
            ) from None

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "inputmode": "url", "autocomplete": "off"}


class LinkAddressBlock(blocks.FieldBlock):
    """A web address, ``mailto:`` or ``tel:`` link."""

    def __init__(self, required=True, help_text=HELP_TEXT, max_length=500, **kwargs):
        self.field = LinkAddressField(required=required, help_text=help_text, max_length=max_length)
        super().__init__(**kwargs)

    class Meta:
        icon = "link"
