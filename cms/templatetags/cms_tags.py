import hashlib

from django import template
from django.conf import settings
from django.db.models import F
from django.urls import translate_url
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from wagtail.models import Page, Site

from ..accounts.adapter import display_name
from ..cache import generation_for, kept, remembered
from ..hyphenation import hyphenate as insert_soft_hyphens
from ..i18n import active_locale_id, localized, source_language
from ..plugins import registry
from ..queries import public
from ..views import PAGE_PARAMETER

register = template.Library()


def _site_root(request):
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return None
    cached = getattr(request, "_zh_root", None)
    if cached is None:
        cached = request._zh_root = localized(site.root_page)
    return cached


@register.simple_tag(takes_context=True)
def cache_generation(context):
    """For fragment cache keys: fragments of an older generation are never read."""
    return generation_for(context.get("request"))


@register.simple_tag(takes_context=True)
def site_root(context):
    return _site_root(context.get("request"))


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The pages marked "show in menus" below the home page, in the active language.

    Kept in the cache per home page and cache generation: a publish, move or
    unpublish starts a new generation and so a new menu.
    """
    request = context.get("request")
    root = _site_root(request)
    if root is None:
        return []

    def build():
        current = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
        pages = public(root.get_children().live().in_menu()).annotate(
            source_language=F("alias_of__locale__language_code")
        )
        return [
            {
                "pk": page.pk,
                "title": page.title,
                "url": page.get_url(request),
                "path": page.path,
                # An untranslated alias keeps the original's title: mark its language.
                "lang": page.source_language if page.source_language != current else "",
            }
            for page in pages
        ]

    return kept("menu", root.pk, get_language(), build=build, request=request)


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """Every language of the current page or view: code, name, address, current?

    Pages link their translations (aliases count: their English tree mirrors the
    German one); other views link the same view in the other language. Computed
    once per request (the head and the language switch both use it).
    """
    request = context.get("request")
    cached = getattr(request, "_zh_alternates", None)
    if cached is not None:
        return cached
    page = context.get("page")
    current = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    urls = {}
    if isinstance(page, Page) and page.pk:
        # Until the next publish, unpublish or move (the generation).
        host = request.get_host() if request is not None else ""

        def build():
            translations = page.get_translations(inclusive=True).live().select_related("locale")
            return {t.locale.language_code: t.get_url(request) for t in translations}

        urls = kept("alternates", page.pk, host, build=build, request=request)
    elif request is not None:
        for code, _name in settings.LANGUAGES:
            urls[code] = translate_url(request.get_full_path(), code)
    alternates = [
        {"code": code, "name": name, "url": urls[code], "current": code == current}
        for code, name in settings.LANGUAGES
        if urls.get(code)
    ]
    if request is not None:
        request._zh_alternates = alternates
    return alternates


@register.simple_tag
def localized_links(stream):
    """The links of a StreamField of LinkBlocks as (href, label) in the active
    language, looking up all page translations with one query."""
    values = [child.value for child in stream]
    pages = [v.get("page") for v in values if v.get("page")]
    locale_id = active_locale_id()
    translations = {}
    if pages and locale_id and any(p.locale_id != locale_id for p in pages):
        for translation in Page.objects.filter(
            translation_key__in=[p.translation_key for p in pages], locale_id=locale_id
        ).live():
            translations[translation.translation_key] = translation
    current = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    # Link texts are written in the site's language, as are the titles of pages that
    # have no translation yet (and of aliases): those get a lang attribute.
    original = settings.LANGUAGE_CODE if current != settings.LANGUAGE_CODE else ""
    links = []
    for value in values:
        page = value.get("page")
        if page is not None:
            page = translations.get(page.translation_key, page)
            translated = page.locale_id == locale_id and not page.alias_of_id
            lang = "" if not value.get("text") and translated else original
            links.append({"href": page.url, "label": value.get("text") or page.title, "lang": lang})
        elif value.get("url"):
            label = value.get("text") or value["url"]
            links.append({"href": value["url"], "label": label, "lang": original})
    return links


@register.simple_tag
def site_language_attr():
    """` lang="de"` on what the editors wrote once for the whole site (tagline,
    address) when the page is shown in another language; nothing otherwise."""
    current = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    if current == settings.LANGUAGE_CODE:
        return ""
    return format_html(' lang="{}"', settings.LANGUAGE_CODE)


@register.simple_tag
def plugin_feeds():
    return list(registry.feeds.values())


@register.filter(is_safe=True)
def hyphenate(value):
    """Soft hyphens in the long words of a heading, card title or fact (cms/hyphenation.py),
    in the active language; escaped like any other value."""
    return mark_safe(insert_soft_hyphens(conditional_escape(value)))


@register.filter
def is_current(menu_item, page):
    """True when ``page`` is the menu item's page or lies below it."""
    if not isinstance(page, Page):
        return False
    return page.path.startswith(menu_item["path"])


@register.simple_tag
def menu_state(menu, page):
    """What the menu shows of the current page: which items are current and whether each
    is the page itself ("<pk>:page") or an ancestor ("<pk>:below"); "" for none. The
    menu's HTML is the same for every page with the same state, and is kept per state."""
    return ",".join(
        f"{item['pk']}:{'page' if item['pk'] == page.pk else 'below'}"
        for item in menu
        if is_current(item, page)
    )


@register.simple_tag(takes_context=True)
def content_language(context):
    """The language of the page's content: an untranslated alias shows the German
    original, so its main content is marked up as German in the English UI."""
    return source_language(context.get("page"))


@register.filter
def accessible_widget(field):
    """Render a form field's widget tied to its help text and error message."""
    describedby = []
    if field.help_text:
        describedby.append(f"{field.auto_id}_help")
    if field.errors:
        describedby.append(f"{field.auto_id}_error")
    attrs = {}
    if describedby:
        attrs["aria-describedby"] = " ".join(describedby)
    if field.errors:
        attrs["aria-invalid"] = "true"
    if field.field.required:
        attrs["aria-required"] = "true"
    return field.as_widget(attrs=attrs)


@register.filter
def attr_or_none(obj, name):
    """``obj.<name>`` for a name held in a variable (teaser sources name their fields)."""
    return getattr(obj, name, None) if name else None


@register.simple_tag
def page_query(request, number):
    """The current query string with the page number replaced (filters stay)."""
    params = request.GET.copy()
    params[PAGE_PARAMETER] = number
    return params.urlencode()


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None


@register.simple_tag(takes_context=True)
def stream(context, value):
    """Render a StreamField. For anonymous visitors the HTML is kept in the cache per
    page revision, language and cache generation, so a page whose whole-page cache
    entry expired is rebuilt without rendering its blocks again. Logged-in users and
    previews always get a fresh rendering (embeds may show personal content)."""
    request = context.get("request")
    page = context.get("page")
    flat = context.flatten()
    anonymous = request is not None and not request.user.is_authenticated
    personal = getattr(request, "is_preview", False) or "video" in request.GET if request else False
    if not anonymous or not isinstance(page, Page) or personal:
        return value.render_as_block(flat)
    return kept(
        "stream",
        page.cache_key,
        get_language(),
        build=lambda: value.render_as_block(flat),
        request=request,
        timeout=settings.PAGE_CACHE_SECONDS or 600,
    )


@register.simple_tag
def elided_pages(page_obj):
    """The page numbers to link: the first and last, two on each side of the current
    one, and None where numbers are left out (shown as an ellipsis)."""
    paginator = page_obj.paginator
    return [
        None if number == paginator.ELLIPSIS else number
        for number in paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)
    ]


@register.filter
def fields_with_errors(form):
    """The fields of a form that have errors, for the error summary (errors of the
    form as a whole are listed apart)."""
    return [field for field in form if field.errors]


@register.simple_tag
def account_name(user):
    """The name a signed-in learner gave in their profile, or ''."""
    return display_name(user)


@register.tag("remembered")
def do_remembered(parser, token):
    """``{% remembered "name" part … %}…{% endremembered %}``: the block's HTML, kept
    per name and parts in this process's memory and the cache (``cms.cache.remembered``).
    The parts must name everything the block shows that can change, the cache
    generation among them. Previews render the block afresh."""
    bits = token.split_contents()[1:]
    if not bits:
        raise template.TemplateSyntaxError("remembered needs a name")
    nodelist = parser.parse(("endremembered",))
    parser.delete_first_token()
    return RememberedNode(nodelist, [parser.compile_filter(bit) for bit in bits])


class RememberedNode(template.Node):
    def __init__(self, nodelist, parts):
        self.nodelist = nodelist
        self.parts = parts

    def render(self, context):
        request = context.get("request")
        if getattr(request, "is_preview", False):
            return self.nodelist.render(context)
        parts = "|".join(str(part.resolve(context)) for part in self.parts)
        key = f"fragment:{hashlib.sha1(parts.encode()).hexdigest()}"
        # The fragment is HTML this template rendered itself.
        return mark_safe(remembered(key, lambda: self.nodelist.render(context)))
