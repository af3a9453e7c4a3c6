from typing import Any

from django.core.management.base import BaseCommand

from cms.translations import translation_catalogues, translations_compile


class Command(BaseCommand):
    help = "Compile the apps' .po translation catalogues to .mo files (no GNU gettext needed)."

    def handle(self, *args: Any, **options: Any) -> None:
        written = translations_compile()
        self.stdout.write(
            f"Translations: {len(translation_catalogues())} catalogues, {len(written)} compiled."
        )
