"""Wagtail's own admin strings that the German catalogue words anew (Sie form, plain
German). Listing a msgid here keeps it in cms/locale/de when `make messages` runs; the
translation there wins over Wagtail's, because ``cms`` comes first in INSTALLED_APPS.
Nothing imports this module.
"""

from django.utils.translation import gettext_noop

WAGTAIL_STRINGS = [
    # wagtail.images: the image block's message was in the du form.
    gettext_noop("Please add some alt text for your image or mark it as decorative"),
]
