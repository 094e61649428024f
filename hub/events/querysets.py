"""What "upcoming" means for events, once: not over before today began (a cancelled
event stays upcoming, marked as cancelled; ``held()`` leaves cancelled ones out)."""

import datetime

from django.utils import timezone

from wagtail.models import PageManager
from wagtail.query import PageQuerySet


def start_of_today():
    """Midnight of today, local time: events whose last date ended before it are past."""
    return timezone.make_aware(datetime.datetime.combine(timezone.localdate(), datetime.time()))


class EventQuerySet(PageQuerySet):
    def upcoming(self):
        """Events whose last date has not ended before today began."""
        return self.filter(ends_at__gte=start_of_today())

    def past(self):
        return self.filter(ends_at__lt=start_of_today())

    def held(self):
        """Events that take or took place: not cancelled."""
        return self.filter(cancelled_at__isnull=True)


EventManager = PageManager.from_queryset(EventQuerySet)
