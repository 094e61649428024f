import logging
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections, connection

from cms.plugins import registry

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Runs the site's scheduled jobs (publishing and unpublishing at the times editors "
        "set, the plugins' upkeep) at their intervals until stopped."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Run every job once, then stop.")

    def handle(self, *args, once=False, **options):
        jobs = registry.sorted_scheduled_jobs()
        if options["verbosity"] > 1:
            for job in jobs:
                self.stdout.write(f"{job.command} every {job.every} s")
        due = dict.fromkeys((job.key for job in jobs), 0.0)
        while True:
            for job in jobs:
                if due[job.key] <= time.monotonic():
                    self.run(job)
                    due[job.key] = time.monotonic() + job.every
            if once or not jobs:
                return
            time.sleep(max(1.0, min(due.values()) - time.monotonic()))

    def run(self, job):
        try:
            call_command(job.command, *job.args, verbosity=0)
        except Exception:
            logger.exception("Scheduled job %s failed", job.key)
        finally:
            # A long-running process drops connections that broke or grew old; not when
            # called inside a transaction (a test, --once from other code).
            if not connection.in_atomic_block:
                close_old_connections()
