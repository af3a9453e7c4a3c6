import time
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from cms.backup import BackupError, backup_restore, media_file_count


class Command(BaseCommand):
    help = (
        "Restore a backup made by `backup` into an empty database and MEDIA_ROOT, then check "
        "every table's row count and checksum against the backup's manifest."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("archive")

    def handle(self, *args: Any, archive: str, **options: Any) -> None:
        path = Path(archive)
        if not path.is_file():
            raise CommandError(f"{path} does not exist.")
        started = time.monotonic()
        try:
            manifest = backup_restore(archive=path)
        except BackupError as error:
            raise CommandError(str(error)) from None
        rows = sum(table["rows"] for table in manifest["tables"].values())
        self.stdout.write(
            f"Restored and verified {len(manifest['tables'])} tables ({rows} rows) and "
            f"{media_file_count(manifest)} media files in {time.monotonic() - started:.1f} s."
        )
