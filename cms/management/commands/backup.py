from django.core.management.base import BaseCommand, CommandError

from cms.backup import BackupError, backup


class Command(BaseCommand):
    help = "Write a consistent backup of the database and the media files into a new directory."

    def add_arguments(self, parser):
        parser.add_argument("directory", help="a new or empty directory for this backup")

    def handle(self, directory, **options):
        try:
            manifest = backup(directory)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Backup in {directory}: the {manifest['database']} database and "
            f"{manifest['media_files']} media files."
        )
