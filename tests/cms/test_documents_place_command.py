"""`manage.py documents_place` moves the files of documents stored before private storage
existed (or left behind by a collection move) to where their collection says, once."""

import pytest
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.models import CollectionViewRestriction

from cms.storage import PRIVATE

pytestmark = pytest.mark.django_db
Document = get_document_model()


def test_a_private_document_left_in_public_storage_is_moved(
    settings, tmp_path, capsys, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path / "media"
    restricted = CollectionViewRestriction.objects.get().collection
    # As an earlier version stored it: in MEDIA_ROOT under a guessable name.
    (tmp_path / "media" / "documents").mkdir(parents=True)
    (tmp_path / "media" / "documents" / "workshop-1-outline.txt").write_bytes(b"Outline")
    Document.objects.bulk_create([Document(title="Old outline", collection=restricted,
                                           file="documents/workshop-1-outline.txt")])  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        call_command("documents_place")
    document = Document.objects.get(title="Old outline")
    assert document.file.name.startswith(f"{PRIVATE}documents/old-outline-")
    assert document.file.open("rb").read() == b"Outline"
    assert not (tmp_path / "media" / "documents" / "workshop-1-outline.txt").exists()
    call_command("documents_place")
    assert capsys.readouterr().out.splitlines()[-1] == "Every file is in place."
