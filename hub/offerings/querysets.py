"""What "current" means for a support offering, once: published and not past its last
day (``valid_until``, a date in the site's time zone)."""

from django.db.models import Q
from django.utils import timezone

from wagtail.models import PageManager
from wagtail.query import PageQuerySet


class OfferingQuerySet(PageQuerySet):
    def current(self):
        """Offerings that have not run out: no last day, or not before today."""
        return self.filter(Q(valid_until__isnull=True) | Q(valid_until__gte=timezone.localdate()))


OfferingManager = PageManager.from_queryset(OfferingQuerySet)
