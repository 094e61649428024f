"""Delete the failed sign-ins (django-axes) that no longer count for a lock-out: they
hold the address tried from, which the site keeps no longer than it needs."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from axes.models import AccessAttempt


class Command(BaseCommand):
    help = "Delete failed sign-ins older than AXES_COOLOFF_TIME."

    def handle(self, *args, **options):
        threshold = timezone.now() - settings.AXES_COOLOFF_TIME
        count, _ = AccessAttempt.objects.filter(attempt_time__lt=threshold).delete()
        if options["verbosity"] > 1 or count:
            self.stdout.write(f"{count} failed sign-ins forgotten.")
