from typing import Any

from django.core.management.base import BaseCommand

from pilots.seed.lab_2023 import load_asylum_welcome_2023


class Command(BaseCommand):
    help = "Load the 2023 Asylum Welcome Design Lab (idempotent)."

    def handle(self, *args: Any, **options: Any) -> None:
        lab = load_asylum_welcome_2023()
        self.stdout.write(
            f"{lab.name}: {lab.boroughs.count()} boroughs, {lab.sessions.count()} sessions, "
            f"{lab.pilots.count()} pilots."
        )
