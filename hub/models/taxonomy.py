"""Taxonomies editors keep in one place and every hub page type uses."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel


class Term(models.Model):
    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(
        _("short name in addresses"),
        max_length=80,
        unique=True,
        help_text=_("Appears in filter addresses, e.g. 'logistik'."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=100)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class Industry(Term):
    class Meta(Term.Meta):
        verbose_name = _("industry")
        verbose_name_plural = _("industries")


class Region(Term):
    class Meta(Term.Meta):
        verbose_name = _("region")
        verbose_name_plural = _("regions")


class Topic(Term):
    class Meta(Term.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")


class CompanySize(Term):
    """A size band, e.g. '10–49 Beschäftigte'."""

    class Meta(Term.Meta):
        verbose_name = _("company size")
        verbose_name_plural = _("company sizes")
