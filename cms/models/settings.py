import copy

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.images.shortcuts import get_rendition_or_not_found
from wagtail.models import Site

from ..blocks import LinkBlock
from ..cache import kept


class SocialLinkBlock(blocks.StructBlock):
    """A plain link to a profile: no widget, no script, no request to the network."""

    network = blocks.CharBlock(
        label=_("Network"), max_length=40, help_text=_("E.g. Mastodon, LinkedIn")
    )
    url = blocks.URLBlock(label=_("Address of the profile"))

    class Meta:
        icon = "site"
        label = _("Social link")


LOGO_FILTER = "height-48"
LOGO_FILTER_2X = "height-96"  # for screens of twice the density (srcset)


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    programme_name = models.CharField(_("programme name"), max_length=120, default="Zukunftshub")
    tagline = models.CharField(_("tagline"), max_length=200, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown in the header; the programme name is its text alternative."),
    )
    contact_name = models.CharField(_("contact: organisation"), max_length=200, blank=True)
    contact_address = models.TextField(_("contact: address"), blank=True)
    contact_email = models.EmailField(_("contact: e-mail"), blank=True)
    contact_phone = models.CharField(_("contact: phone"), max_length=40, blank=True)
    footer_links = StreamField(
        [("link", LinkBlock())],
        verbose_name=_("footer links"),
        blank=True,
        help_text=_("E.g. Impressum, Datenschutz, Barrierefreiheit, Leichte Sprache."),
    )
    social_links = StreamField(
        [("link", SocialLinkBlock())], verbose_name=_("social links"), blank=True
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy notice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from every form that asks for personal data."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("programme_name"), FieldPanel("tagline"), FieldPanel("logo")],
            heading=_("Programme"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldPanel("contact_address"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
            ],
            heading=_("Contact"),
        ),
        FieldPanel("footer_links"),
        FieldPanel("social_links"),
        FieldPanel("privacy_page"),
    ]

    class Meta:
        verbose_name = _("site settings")

    @classmethod
    def base_queryset(cls):
        return super().base_queryset().select_related("logo")

    @cached_property
    def logo_rendition(self):
        """The header's logo, made once and kept with the cached settings (Wagtail's
        image tag asks the cache for the rendition and writes it back on every page)."""
        return get_rendition_or_not_found(self.logo, LOGO_FILTER) if self.logo else None

    @cached_property
    def logo_rendition_2x(self):
        return get_rendition_or_not_found(self.logo, LOGO_FILTER_2X) if self.logo else None

    @staticmethod
    def _with_logo(instance):
        instance.logo_rendition  # noqa: B018 - made now, cached with the settings
        instance.logo_rendition_2x  # noqa: B018
        return instance

    @classmethod
    def for_request(cls, request):
        """Read from the cache for the current cache generation (saving the settings
        starts a new one), so most pages need no query for them."""
        attr_name = cls.get_cache_attr_name()
        if hasattr(request, attr_name):
            return getattr(request, attr_name)
        site = Site.find_for_request(request)
        if site is None:
            return super().for_request(request)
        # A copy of its own for each request: it keeps the request.
        instance = copy.copy(
            kept(
                "site-settings:v3",
                site.pk,
                build=lambda: cls._with_logo(cls.for_site(site)),
                request=request,
            )
        )
        instance._request = request
        instance._page_url_cache = {}  # page URLs as this request's site gives them
        setattr(request, attr_name, instance)
        return instance
