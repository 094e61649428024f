"""Free the seats held by registrations whose e-mail was not confirmed in time and move
up the waiting lists (the people who move up are told by e-mail). Schedule it every few
minutes; `make run` runs it in the background."""

from django.core.management.base import BaseCommand

from hub.events.services import release_expired_holds


class Command(BaseCommand):
    help = "Free expired seat holds and move up the waiting lists."

    def handle(self, *args, **options):
        moved = release_expired_holds()
        if options["verbosity"] > 1:
            self.stdout.write(f"{moved} registrations moved up from the waiting list.")
