from typing import Any

from django.core.management.base import BaseCommand

from toolkit.seed import toolkit_site_ensure


class Command(BaseCommand):
    help = "Create the public toolkit site's pages and seed content (idempotent)."

    def handle(self, *args: Any, **options: Any) -> None:
        home = toolkit_site_ensure()
        pages = home.get_descendants().count()
        self.stdout.write(f"Toolkit site: {home.title} with {pages} pages.")
