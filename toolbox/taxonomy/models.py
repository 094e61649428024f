"""The toolbox's own taxonomies, edited as snippets: themes, kinds of entry, audiences
and time bands."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel

from cms.models.taxonomy import Term


class Theme(Term):
    """One of the themes of reverse mentoring, e.g. 'Tandems finden und bilden'."""

    description = models.TextField(_("description"), blank=True, max_length=400)

    panels = Term.panels + [FieldPanel("description")]

    class Meta(Term.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")


class EntryKind(Term):
    """Methode, Checkliste, Vorlage, Video, App-Tipp, …"""

    class Meta(Term.Meta):
        verbose_name = _("kind of entry")
        verbose_name_plural = _("kinds of entry")


class Audience(Term):
    """Lotse, Mentor*in, Mentee, Unternehmen, …"""

    class Meta(Term.Meta):
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")


class Duration(Term):
    """A time band, e.g. 'bis 30 Minuten'."""

    class Meta(Term.Meta):
        verbose_name = _("duration")
        verbose_name_plural = _("durations")
