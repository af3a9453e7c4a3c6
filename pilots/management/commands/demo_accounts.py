from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from cms.demo_accounts import demo_accounts_remove
from pilots.seed.demo_accounts import demo_accounts_ensure


class Command(BaseCommand):
    help = (
        "Create the demo accounts (DEMO_MODE only); password from DEMO_PASSWORD. "
        "With --remove, delete them (in any mode)."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--remove", action="store_true", help="delete every demo account")

    def handle(self, *args: Any, remove: bool, **options: Any) -> None:
        if remove:
            names = demo_accounts_remove()
            self.stdout.write(f"Removed {len(names)} demo accounts: {', '.join(names) or '-'}")
            return
        names = demo_accounts_ensure()
        self.stdout.write(f"{len(names)} demo accounts: {', '.join(names)}")
