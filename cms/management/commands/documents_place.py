from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Collection

from cms.documents import collection_documents_place


class Command(BaseCommand):
    help = (
        "Move every document's file to the storage its collection calls for: private for a "
        "restricted collection, public otherwise (idempotent). Run once after upgrading, and "
        "after moving a collection under a restricted one."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        with transaction.atomic():
            moved = collection_documents_place(Collection.get_first_root_node())
        self.stdout.write(f"Moved {moved} document files." if moved else "Every file is in place.")
