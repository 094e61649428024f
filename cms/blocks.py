"""The blocks every page type can use: hero, text, image, teaser list, key figures,
embedded page, quote and call to action.

Teaser lists, key figures and embeds read what the plugins registered in
``cms.plugins``; choices are callables so that migrations do not change when a
plugin is switched on or off.
"""

import re

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

from .cache import kept
from .i18n import localized
from .links import LinkAddressBlock
from .plugins import key_figure_choices, registry, teaser_source_choices


class LinkValue(blocks.StructValue):
    def _page(self):
        page = self.get("page")
        return localized(page) if page else None

    def href(self):
        page = self._page()
        return page.url if page else self.get("url") or ""

    def label(self):
        page = self._page()
        return self.get("text") or (page.title if page else self.get("url"))


class LinkBlock(blocks.StructBlock):
    """A link to a page of this site or to an address elsewhere."""

    text = blocks.CharBlock(label=_("Link text"), required=False, max_length=120)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = LinkAddressBlock(label=_("External address"), required=False)

    def __init__(self, *args, text_required=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.text_required = text_required

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if not value.get("page") and not value.get("url") and self.required:
            errors["page"] = ErrorList([_("Choose a page or enter an address.")])
        if value.get("page") and value.get("url"):
            errors["url"] = ErrorList([_("Choose either a page or an address, not both.")])
        if value.get("url") and not value.get("text"):
            errors["text"] = ErrorList([_("An external link needs a link text.")])
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    class Meta:
        icon = "link"
        label = _("Link")
        value_class = LinkValue
        form_classname = "link-block"


class HeroBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=400)
    image = ImageBlock(label=_("Image"), required=False)
    link = LinkBlock(label=_("Button"), required=False)

    class Meta:
        icon = "pick"
        label = _("Hero")
        template = "blocks/hero.html"


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/figure.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"), max_length=600)
    attribution = blocks.CharBlock(label=_("Who said it"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote.html"


VIDEO_PLATFORMS = {
    # platform → (name shown to visitors, embed address of a video id); the embed
    # hosts are allowed as frame-src in the CSP (cms/settings/security.py)
    "youtube": ("YouTube", "https://www.youtube-nocookie.com/embed/{}"),
    "vimeo": ("Vimeo", "https://player.vimeo.com/video/{}?dnt=1"),
}
_VIDEO_PATTERNS = [
    ("youtube", re.compile(r"^https://(?:www\.|m\.)?youtube\.com/watch\?(?:.*&)?v=([\w-]{6,20})")),
    ("youtube", re.compile(r"^https://youtu\.be/([\w-]{6,20})")),
    ("youtube", re.compile(r"^https://(?:www\.)?youtube(?:-nocookie)?\.com/embed/([\w-]{6,20})")),
    ("vimeo", re.compile(r"^https://(?:www\.)?vimeo\.com/(\d{4,12})")),
]


def video_platform(url):
    """(platform key, video id) of a YouTube or Vimeo address, or None."""
    for key, pattern in _VIDEO_PATTERNS:
        match = pattern.match(url or "")
        if match:
            return key, match.group(1)
    return None


class VideoValue(blocks.StructValue):
    def platform(self):
        found = video_platform(self.get("platform_url"))
        return VIDEO_PLATFORMS[found[0]][0] if found else ""

    def embed_url(self):
        found = video_platform(self.get("platform_url"))
        return VIDEO_PLATFORMS[found[0]][1].format(found[1]) if found else ""


class VideoBlock(blocks.StructBlock):
    """A video, either a file on this site or from YouTube or Vimeo behind a two-click
    consent: nothing is loaded from the platform before the visitor asks for it."""

    title = blocks.CharBlock(label=_("Title"), max_length=120)
    file = DocumentChooserBlock(
        label=_("Video file on this site"),
        required=False,
        help_text=_("An MP4 or WebM file. Loads from this site only."),
    )
    captions = DocumentChooserBlock(
        label=_("Subtitles (WebVTT)"), required=False, help_text=_("For the video file.")
    )
    platform_url = blocks.URLBlock(
        label=_("Address on YouTube or Vimeo"),
        required=False,
        help_text=_("Shown only after the visitor agrees to load it from the platform."),
    )
    transcript = blocks.RichTextBlock(
        label=_("Transcript or description"),
        required=False,
        features=["bold", "italic", "ul", "ol", "link"],
        help_text=_("What is said and shown, for people who cannot watch or hear the video."),
    )

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if bool(value.get("file")) == bool(value.get("platform_url")):
            errors["file"] = ErrorList(
                [_("Choose a video file or enter a YouTube or Vimeo address, not both.")]
            )
        if value.get("platform_url") and not video_platform(value["platform_url"]):
            errors["platform_url"] = ErrorList(
                [_("Enter the address of a video on YouTube or Vimeo.")]
            )
        if value.get("file") and value["file"].file_extension.lower() not in ("mp4", "webm"):
            errors["file"] = ErrorList([_("Choose an MP4 or WebM file.")])
        if value.get("captions") and value["captions"].file_extension.lower() != "vtt":
            errors["captions"] = ErrorList([_("Choose a WebVTT file (.vtt).")])
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        request = (parent_context or {}).get("request")
        # Without JavaScript, the consent button reloads the page with ?video=<id>.
        context["consented"] = request is not None and request.GET.get("video") == context.get("id")
        return context

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/video.html"
        value_class = VideoValue


class DownloadsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    documents = blocks.ListBlock(DocumentChooserBlock(label=_("Document")), label=_("Documents"))

    class Meta:
        icon = "doc-full-inverse"
        label = _("Downloads")
        template = "blocks/downloads.html"


class TeaserListBlock(blocks.StructBlock):
    """The newest pages of one type that a plugin offers as a teaser source."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    source = blocks.ChoiceBlock(
        label=_("Content"),
        choices=teaser_source_choices,
        help_text=_("Which kind of page to show; the newest published ones come first."),
    )
    count = blocks.IntegerBlock(label=_("Number of teasers"), default=3, min_value=1, max_value=12)
    more = LinkBlock(label=_("Link to all"), required=False)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        source = registry.teaser_sources.get(value["source"])
        page = (parent_context or {}).get("page")
        locale = getattr(page, "locale_id", None)
        context["source"] = source
        context["items"] = source.items(value["count"], locale=locale) if source is not None else []
        return context

    class Meta:
        icon = "list-ul"
        label = _("Teaser list")
        template = "blocks/teaser_list.html"


class KeyFigureValue(blocks.StructValue):
    def figure(self):
        """A counted figure, kept per cache generation: it only changes when content is
        published, moved or deleted, or a snippet is saved, and each of those starts a
        new generation."""
        figure = registry.key_figures.get(self.get("source") or "")
        if figure is None:
            return self.get("value") or ""
        return kept("key-figure", figure.key, build=figure.count)

    def caption(self):
        figure = registry.key_figures.get(self.get("source") or "")
        if self.get("label"):
            return self.get("label")
        return figure.label if figure is not None else ""


class KeyFigureItemBlock(blocks.StructBlock):
    source = blocks.ChoiceBlock(
        label=_("Counted live"),
        choices=key_figure_choices,
        required=False,
        help_text=_("Counted from the published content. Leave empty to enter a number."),
    )
    value = blocks.CharBlock(
        label=_("Number entered by hand"),
        required=False,
        max_length=20,
        help_text=_("For figures the site does not hold, e.g. '120'."),
    )
    label = blocks.CharBlock(
        label=_("Label"),
        required=False,
        max_length=80,
        help_text=_("Leave empty to use the label of the counted figure."),
    )

    def clean(self, value):
        value = super().clean(value)
        if not value.get("source") and not value.get("value"):
            raise StructBlockValidationError(
                block_errors={"value": ErrorList([_("Choose a counted figure or enter a number.")])}
            )
        if not value.get("source") and not value.get("label"):
            raise StructBlockValidationError(
                block_errors={"label": ErrorList([_("A number entered by hand needs a label.")])}
            )
        return value

    class Meta:
        icon = "order"
        label = _("Key figure")
        value_class = KeyFigureValue


class KeyFiguresBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    figures = blocks.ListBlock(KeyFigureItemBlock(), label=_("Figures"), min_num=1, max_num=8)

    class Meta:
        icon = "table"
        label = _("Key figures")
        template = "blocks/key_figures.html"


class EmbeddedPageBlock(blocks.StructBlock):
    """Shows another page that can render itself as an embed (e.g. a Quickcheck)."""

    page = blocks.PageChooserBlock(
        label=_("Page"),
        help_text=_("A page that can be embedded, e.g. a project, a Quickcheck or a course."),
    )

    def clean(self, value):
        value = super().clean(value)
        page = value.get("page")
        if page is not None and not hasattr(page.specific, "render_embed"):
            raise StructBlockValidationError(
                block_errors={
                    "page": ErrorList([_("This page cannot be embedded. Choose another one.")])
                }
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        page = value.get("page")
        request = (parent_context or {}).get("request")
        html = ""
        if page is not None:
            page = localized(page)
        if page is not None and page.live:
            specific = page.specific
            if hasattr(specific, "render_embed"):
                html = specific.render_embed(request)
        context["embed_html"] = html
        return context

    class Meta:
        icon = "placeholder"
        label = _("Embedded page")
        template = "blocks/embedded_page.html"


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=400)
    link = LinkBlock(label=_("Button"))

    def clean(self, value):
        value = super().clean(value)
        if not value["link"].get("text"):
            raise StructBlockValidationError(
                block_errors={"link": ValidationError(_("The button needs a text."))}
            )
        return value

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "blocks/call_to_action.html"


class BaseStreamBlock(blocks.StreamBlock):
    hero = HeroBlock()
    text = blocks.RichTextBlock(label=_("Text"), template="blocks/rich_text.html", icon="doc-full")
    image = FigureBlock()
    quote = QuoteBlock()
    teasers = TeaserListBlock()
    key_figures = KeyFiguresBlock()
    embed = EmbeddedPageBlock()
    video = VideoBlock()
    downloads = DownloadsBlock()
    call_to_action = CallToActionBlock()
