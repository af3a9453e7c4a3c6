from typing import Any

from django.core.management.base import BaseCommand

from cms.site import home_page_ensure


class Command(BaseCommand):
    help = "Create the public site's home page (idempotent)."

    def handle(self, *args: Any, **options: Any) -> None:
        home = home_page_ensure()
        self.stdout.write(f"Home page: {home.title} ({home.url_path})")
