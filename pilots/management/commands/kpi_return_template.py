from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from designlab.models import Borough
from pilots.returns.template import return_template_write


class Command(BaseCommand):
    help = "Write a borough's KPI return template (.xlsx): one row per KPI and due period."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--borough", required=True, help="The borough's slug, e.g. barnet.")
        parser.add_argument("--out", required=True, help="Where to write the .xlsx file.")

    def handle(self, *args: Any, borough: str, out: str, **options: Any) -> None:
        found = Borough.objects.filter(slug=borough).first()
        if found is None:
            raise CommandError(f"There is no borough with the slug “{borough}”.")
        try:
            rows = return_template_write(found, out, today=timezone.localdate())
        except OSError as error:
            raise CommandError(f"Cannot write {out}: {error.strerror or error}.") from None
        self.stdout.write(f"Wrote {out}: {rows} rows to fill in for {found.name}.")
