from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from pilots.dashboard.figures import BATCH, pilot_figures_ensure, pilot_figures_refresh
from pilots.models import Pilot


class Command(BaseCommand):
    help = (
        "Compute the dashboard's figures of every pilot that has none (after deploying the "
        "migration that adds them, or seeding in bulk); --all computes every pilot's again."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--all", action="store_true", help="Every pilot, not only missing.")

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["all"]:
            done = pilot_figures_ensure(Pilot.objects.all())
        else:
            ids = list(Pilot.objects.values_list("pk", flat=True))
            for start in range(0, len(ids), BATCH):
                pilot_figures_refresh(ids[start : start + BATCH])
            done = len(ids)
        self.stdout.write(f"Figures computed for {done:,} pilots.")
