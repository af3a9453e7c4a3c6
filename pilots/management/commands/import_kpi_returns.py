from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.files import File
from django.core.management.base import BaseCommand, CommandError

from cms.uploads import UploadRefused
from designlab.models import Borough
from pilots.models import ReturnUpload
from pilots.returns.imports import import_kpi_return, return_upload_create


class Command(BaseCommand):
    help = (
        "Import a filled-in KPI return (.xlsx or .csv) for a borough, all or nothing. "
        "Exits non-zero and lists the problems when the file is refused."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--borough", required=True, help="The borough's slug, e.g. barnet.")

    def handle(self, *args: Any, file: Path, borough: str, **options: Any) -> None:
        found = Borough.objects.filter(slug=borough).first()
        if found is None:
            raise CommandError(f"There is no borough with the slug “{borough}”.")
        if not file.is_file():
            raise CommandError(f"{file} does not exist.")
        with file.open("rb") as handle:
            try:
                upload = return_upload_create(borough=found, file=File(handle, name=file.name))
            except UploadRefused as refusal:
                raise CommandError(f"Refused: {refusal.messages[0]} Nothing was changed.") from None
        # Bulk work from the command line runs here and now, not through the queue.
        upload = import_kpi_return(upload.pk)
        if upload.status == ReturnUpload.Status.REFUSED:
            for p in upload.problems:
                where = ", ".join(
                    part
                    for part in (
                        f"sheet {p['sheet']}" if p["sheet"] else "",
                        f"row {p['row']}" if p["row"] else "",
                        f"column {p['column']}" if p["column"] else "",
                    )
                    if part
                )
                self.stderr.write(f"{where}: {p['message']}" if where else p["message"])
            raise CommandError(
                f"Refused {file.name}: {len(upload.problems)} problems. Nothing was changed."
            )
        self.stdout.write(
            f"Imported {file.name} for {found.name}: {upload.created} new readings, "
            f"{upload.updated} changed, {upload.unchanged} unchanged. New and changed "
            "readings wait for a convenor's review."
        )
