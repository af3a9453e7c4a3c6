from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from designlab.models import Lab
from pilots.exports.csv_lines import table_csv_lines
from pilots.exports.tables import TABLES
from pilots.exports.workbook import lab_workbook_write


class Command(BaseCommand):
    help = "Export a Lab's published records (every borough) as an .xlsx workbook or CSVs."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("lab", help="The Lab's slug, e.g. asylum-welcome-2023.")
        parser.add_argument("--out", help="Write the workbook to this .xlsx file.")
        parser.add_argument("--csv-dir", help="Write one CSV per table into this directory.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            lab = Lab.objects.get(slug=options["lab"])
        except Lab.DoesNotExist:
            raise CommandError(f"No Lab with the slug {options['lab']!r}.") from None
        if not (options["out"] or options["csv_dir"]):
            raise CommandError("Give --out FILE.xlsx, --csv-dir DIR, or both.")
        if options["out"]:
            out = Path(options["out"])
            if out.suffix.lower() != ".xlsx":
                raise CommandError("--out must name an .xlsx file.")
            rows = lab_workbook_write(lab, out, borough=None)
            self.stdout.write(f"Wrote {rows} rows to {out}.")
        if options["csv_dir"]:
            folder = Path(options["csv_dir"])
            folder.mkdir(parents=True, exist_ok=True)
            for table in TABLES:
                path = folder / f"{lab.slug}-{table}.csv"
                with path.open("w", encoding="utf-8", newline="") as out:
                    out.writelines(table_csv_lines(lab, table, borough=None))
                self.stdout.write(f"Wrote {path}.")
