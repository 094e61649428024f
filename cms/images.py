"""Uploading an image asks for its alternative text.

Wagtail's image ``description`` is the default alt text wherever an image is inserted;
left empty, Wagtail falls back to the title, which is the file name ("IMG_2041.jpg").
So the upload form (single, multiple and in the chooser) requires the description,
says what it is for, and refuses a file name. Whether an image is purely decorative at
one place is chosen where it is inserted ("Bild ist dekorativ" in the image block);
listing cards show images as decorative anyway.
"""

import os
import re

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.images.forms import BaseImageForm

FILE_NAME_LIKE = re.compile(
    r"\.(avif|gif|heic|jpe?g|png|svg|tiff?|webp)$|^[\w-]*_[\w-]*$"
    r"|^(img|dsc|dscn|dcim|pxl|mvimg|screenshot|bildschirmfoto)\W*\d|^[\d\W]+$",
    re.IGNORECASE,
)


class ImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("description")
        if field is not None:
            field.required = True
            field.label = _("Alternative text (what the image shows)")
            field.help_text = _(
                "Describe in one sentence what the image shows and says, for people who "
                "cannot see it, e.g. “Two apprentices explain a tablet to the master "
                "carpenter”. Not the file name, and not “Image of …”. If the image only "
                "decorates a page, describe it anyway and tick “Image is decorative” where "
                "you insert it."
            )
            field.error_messages["required"] = _(
                "Please describe what the image shows: screen readers read this text aloud."
            )

    def clean_description(self):
        text = " ".join(self.cleaned_data.get("description", "").split())
        upload = self.cleaned_data.get("file") or getattr(self.instance, "file", None)
        stem = os.path.splitext(os.path.basename(getattr(upload, "name", "") or ""))[0]
        if (stem and text.casefold() == stem.casefold()) or FILE_NAME_LIKE.search(text):
            raise forms.ValidationError(
                _("This looks like a file name. Please describe what the image shows.")
            )
        return text
