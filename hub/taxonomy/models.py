"""Taxonomies editors keep in one place and every hub page type uses."""

from django.utils.translation import gettext_lazy as _

from cms.models.taxonomy import Term


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
