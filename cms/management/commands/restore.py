from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from cms import cache, queries, sites
from cms.backup import BackupError, restore


class Command(BaseCommand):
    help = "Bring a backup (made by `backup`) into this empty installation, then migrate."

    def add_arguments(self, parser):
        parser.add_argument("directory", help="the backup's directory")

    def handle(self, directory, **options):
        try:
            manifest = restore(directory)
        except BackupError as error:
            raise CommandError(str(error)) from error
        call_command("migrate", interactive=False, verbosity=0)
        cache.invalidate()  # pages cached before the restore are not served again
        sites.forget_sites()
        queries.restrictions_changed()  # the restored restrictions hold at once
        self.stdout.write(
            f"Restored from {directory} (made {manifest['created']}): the database and "
            f"{manifest['restored_media_files']} media files."
        )
