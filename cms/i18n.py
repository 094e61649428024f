"""Small helpers for the two content languages without extra queries per link."""

from django.utils.translation import get_language

from wagtail.models import Locale, Page

_locale_ids: dict[str, int] = {}


def active_locale_id():
    """The id of the Locale for the active language, remembered per process."""
    language = (get_language() or "de").split("-")[0]
    if language not in _locale_ids:
        locale = Locale.objects.filter(language_code=language).first()
        if locale is None:
            return None
        _locale_ids[language] = locale.pk
    return _locale_ids[language]


def forget_locales(**kwargs):
    _locale_ids.clear()


def localized(page):
    """The page in the active language; the page itself when it is already in it
    (the common case, no query) or when it has no translation."""
    locale_id = active_locale_id()
    if locale_id is None or page.locale_id == locale_id:
        return page
    return page.get_translation_or_none(locale_id) or page


def source_language(page):
    """The language of an untranslated alias's content (the original's), remembered on
    the page object; "" for any other page."""
    if not isinstance(page, Page) or not page.alias_of_id:
        return ""
    source = getattr(page, "_zh_source_language", None)
    if source is None:
        source = (
            Page.objects.filter(pk=page.alias_of_id)
            .values_list("locale__language_code", flat=True)
            .first()
        ) or ""
        page._zh_source_language = source
    return source
