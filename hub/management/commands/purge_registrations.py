"""Data minimisation: delete the registrations of events that ended more than
ZUKUNFTSHUB_EVENT_RETENTION_DAYS days ago (default 30). Schedule it daily (the README
says how); `make run` runs it in the background."""

from django.core.management.base import BaseCommand

from hub.conf import settings
from hub.events.organiser import purge_registrations


class Command(BaseCommand):
    help = "Delete registrations some days after their event (only counts stay)."

    def handle(self, *args, **options):
        deleted, events = purge_registrations()
        if options["verbosity"]:
            self.stdout.write(
                f"{deleted} registrations of {events} events deleted "
                f"(events ended more than {settings.EVENT_RETENTION_DAYS} days ago)."
            )
