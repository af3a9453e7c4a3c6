"""Wagtail documents: the form (admin upload, multiple upload and the chooser's upload) passes
every file through `upload_check` and stores it under a name we generate; a restricted
collection's documents are kept in the private storage."""

import secrets
from functools import partial
from pathlib import PurePath
from typing import Any

from django.core.files import File
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from django.utils.text import slugify
from wagtail.documents import get_document_model, get_document_model_string
from wagtail.documents.forms import BaseDocumentForm
from wagtail.documents.models import AbstractDocument
from wagtail.models import Collection, CollectionViewRestriction

from cms.storage import PRIVATE, is_private
from cms.uploads import upload_check

KINDS = {"pdf", "docx", "xlsx", "pptx", "odt", "ods", "csv", "txt", "png", "jpg", "jpeg"}
MAX_BYTES = 20 * 1024 * 1024


def stored_name(original: str, kind: str) -> str:
    """A name of our making: the original's words for a readable download, a random part so
    nobody can guess or overwrite another file, and the extension the contents proved."""
    words = slugify(PurePath(original).stem)[:60] or "document"
    return f"{words}-{secrets.token_hex(6)}.{kind}"


class DocumentForm(BaseDocumentForm):
    def clean_file(self) -> File | None:
        upload = self.cleaned_data["file"]
        if isinstance(upload, UploadedFile):  # not on an edit that keeps the stored file
            kind = upload_check(upload, kinds=KINDS, max_bytes=MAX_BYTES)
            upload.name = stored_name(upload.name, kind)
        return upload


# Where a document's file lives. A document in a restricted collection is private: its file
# is kept in the private storage (cms.storage), which no static route or public bucket
# reaches, so it can only be had through Wagtail's document view and its checks.


def document_is_private(document: AbstractDocument) -> bool:
    return document.collection.get_view_restrictions().exists()


def document_file_place(document: AbstractDocument) -> bool:
    """Before `document` is saved, put its file in the storage its collection calls for.

    A new upload is written straight to the right storage. A stored file in the wrong one (the
    document moved collection, or its collection's restriction changed) is copied under a new
    generated name; the old copy is deleted once the transaction commits. Returns whether the
    file's name changed."""
    file = document.file
    if not file:
        return False
    private = document_is_private(document)
    if file._committed and is_private(file.name) == private:
        return False
    prefix = PRIVATE if private else ""
    if not file._committed:
        # Instead of the FileField's own save, which would write to the public storage first.
        name = file.field.generate_filename(document, file.name)
        file.name = file.storage.save(prefix + name, file.file, max_length=file.field.max_length)
        file._committed = True
        return True
    old = file.name
    kind = PurePath(old).suffix.lstrip(".").lower() or "bin"
    name = file.field.generate_filename(document, stored_name(f"{document.title}.{kind}", kind))
    with file.storage.open(old, "rb") as content:
        file.name = file.storage.save(prefix + name, content, max_length=file.field.max_length)
    transaction.on_commit(partial(file.storage.delete, old))
    return True


def collection_documents_place(collection: Collection) -> int:
    """Move the files of the documents in `collection` and below it to the storage their
    collection now calls for (after a restriction is added or removed). Returns how many moved."""
    moved = 0
    collections = collection.get_descendants(inclusive=True)
    for document in get_document_model().objects.filter(collection__in=collections):
        if document_file_place(document):
            document.save(update_fields=["file"])
            moved += 1
    return moved


@receiver(pre_save, sender=get_document_model_string())
def _document_placed_on_save(
    sender: type[AbstractDocument], instance: AbstractDocument, **kwargs: Any
) -> None:
    document_file_place(instance)


@receiver(post_save, sender=CollectionViewRestriction)
@receiver(post_delete, sender=CollectionViewRestriction)
def _collection_documents_placed(
    sender: type[CollectionViewRestriction], instance: CollectionViewRestriction, **kwargs: Any
) -> None:
    collection = Collection.objects.filter(pk=instance.collection_id).first()
    if collection is not None:  # None while the collection itself is being deleted
        collection_documents_place(collection)
