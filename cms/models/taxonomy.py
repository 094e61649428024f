"""The base of the plugins' taxonomies: a named term with a short name for addresses."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin


class Term(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, models.Model):
    """Terms have drafts, revisions and the review workflow like pages: a new term or a
    renamed one shows in filters only once it is published (``live``)."""

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
