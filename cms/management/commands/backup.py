import time
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from cms.backup import BackupError, backup_create, media_file_count


class Command(BaseCommand):
    help = "Back up the database and media files into one .tar.gz with a checksum manifest."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "archive", nargs="?", help="file to write (default: designlab-<time>.tar.gz here)"
        )

    def handle(self, *args: Any, archive: str | None = None, **options: Any) -> None:
        path = Path(archive or timezone.now().strftime("designlab-%Y%m%d-%H%M%S.tar.gz"))
        if path.exists():
            raise CommandError(f"{path} already exists; choose another name.")
        started = time.monotonic()
        try:
            manifest = backup_create(archive=path)
        except BackupError as error:
            path.unlink(missing_ok=True)
            raise CommandError(str(error)) from None
        rows = sum(table["rows"] for table in manifest["tables"].values())
        self.stdout.write(
            f"Backed up {len(manifest['tables'])} tables ({rows} rows) and "
            f"{media_file_count(manifest)} media files to {path} in "
            f"{time.monotonic() - started:.1f} s."
        )
