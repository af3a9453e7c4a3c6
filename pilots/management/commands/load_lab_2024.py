from typing import Any

from django.core.management.base import BaseCommand

from pilots.seed.lab_2024 import load_lab_2024


class Command(BaseCommand):
    help = "Load the illustrative 2024 Lab, after the 2023 Lab it learns from (idempotent)."

    def handle(self, *args: Any, **options: Any) -> None:
        lab = load_lab_2024()
        self.stdout.write(
            f"{lab.name}: {lab.boroughs.count()} boroughs, {lab.pilots.count()} pilots."
        )
