import time
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from pilots.seed.synthetic import Size, statistics_refresh, synthetic_seed


class Command(BaseCommand):
    help = (
        "Create a synthetic Lab for measurement, marked illustrative. Scale 1 is national: "
        "350 authorities, 3,500 pilots, 35,000 KPIs, 840,000 readings."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--scale", type=float, default=1.0)
        parser.add_argument("--slug", default="synthetic-national")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["scale"] <= 0:
            raise CommandError("--scale must be greater than 0.")
        size = Size.national(options["scale"])
        started = time.perf_counter()
        try:
            lab = synthetic_seed(size, slug=options["slug"])
        except ValueError as error:
            raise CommandError(str(error)) from None
        statistics_refresh()
        pilots = size.authorities * size.pilots_per
        self.stdout.write(
            f"{lab.slug}: {size.authorities} authorities, {pilots} pilots, "
            f"{pilots * size.kpis_per} KPIs, {pilots * size.kpis_per * size.readings_per} "
            f"readings in {time.perf_counter() - started:.1f} s."
        )
