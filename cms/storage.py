"""Where uploads live: public files in one storage, private ones in another that no static
route, proxy or bucket policy reaches.

Django's default storage is `MediaStorage`: a name under `private/` lives in the private
storage (STORAGES["private_media"]: a folder outside MEDIA_ROOT, or a private bucket), any
other name in the public one (STORAGES["public_media"]: MEDIA_ROOT, or a public bucket). The
name itself says where a file is, so everything that handles files (Wagtail's document view,
backups, deletion) works unchanged; cms.documents decides which documents are private.
"""

from datetime import datetime
from typing import NoReturn

from django.core.files import File
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.utils.deconstruct import deconstructible

PRIVATE = "private/"


@deconstructible
class PrivateFileSystemStorage(FileSystemStorage):
    """Private files on local disk. They have no URL: only the document view serves them."""

    def url(self, name: str | None) -> NoReturn:
        raise NotImplementedError("Private files are served by the document view only.")


@deconstructible
class MediaStorage(Storage):
    """The public or the private storage, chosen by the name's `private/` prefix."""

    @property
    def public(self) -> Storage:
        return storages["public_media"]

    @property
    def private(self) -> Storage:
        return storages["private_media"]

    def _route(self, name: str) -> tuple[Storage, str, str]:
        """The storage holding `name`, the name there, and the prefix to give back."""
        if name.startswith(PRIVATE):
            return self.private, name.removeprefix(PRIVATE), PRIVATE
        return self.public, name, ""

    def _open(self, name: str, mode: str = "rb") -> File:
        storage, inner, _ = self._route(name)
        return storage.open(inner, mode)

    def _save(self, name: str, content: File) -> str:
        storage, inner, prefix = self._route(name)
        return prefix + storage.save(inner, content)

    def get_available_name(self, name: str, max_length: int | None = None) -> str:
        storage, inner, prefix = self._route(name)
        if max_length is not None:
            max_length -= len(prefix)
        return prefix + storage.get_available_name(inner, max_length=max_length)

    def delete(self, name: str) -> None:
        storage, inner, _ = self._route(name)
        storage.delete(inner)

    def exists(self, name: str) -> bool:
        storage, inner, _ = self._route(name)
        return storage.exists(inner)

    def listdir(self, path: str) -> tuple[list[str], list[str]]:
        storage, inner, _ = self._route(path)
        return storage.listdir(inner)

    def size(self, name: str) -> int:
        storage, inner, _ = self._route(name)
        return storage.size(inner)

    def url(self, name: str) -> str:
        storage, inner, _ = self._route(name)
        return storage.url(inner)

    def path(self, name: str) -> str:
        storage, inner, _ = self._route(name)
        return storage.path(inner)

    def get_accessed_time(self, name: str) -> datetime:
        storage, inner, _ = self._route(name)
        return storage.get_accessed_time(inner)

    def get_created_time(self, name: str) -> datetime:
        storage, inner, _ = self._route(name)
        return storage.get_created_time(inner)

    def get_modified_time(self, name: str) -> datetime:
        storage, inner, _ = self._route(name)
        return storage.get_modified_time(inner)


def is_private(name: str) -> bool:
    return name.startswith(PRIVATE)
