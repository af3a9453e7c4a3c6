"""The Wagtail document form (admin upload, multiple upload and the chooser's upload):
every file passes `upload_check` and is stored under a name we generate."""

import secrets
from pathlib import PurePath

from django.core.files.uploadedfile import UploadedFile
from django.utils.text import slugify
from wagtail.documents.forms import BaseDocumentForm

from cms.uploads import upload_check

KINDS = {"pdf", "docx", "xlsx", "pptx", "odt", "ods", "csv", "txt", "png", "jpg", "jpeg"}
MAX_BYTES = 20 * 1024 * 1024


def stored_name(original: str, kind: str) -> str:
    """A name of our making: the original's words for a readable download, a random part so
    nobody can guess or overwrite another file, and the extension the contents proved."""
    words = slugify(PurePath(original).stem)[:60] or "document"
    return f"{words}-{secrets.token_hex(6)}.{kind}"


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        upload = self.cleaned_data["file"]
        if isinstance(upload, UploadedFile):  # not on an edit that keeps the stored file
            kind = upload_check(upload, kinds=KINDS, max_bytes=MAX_BYTES)
            upload.name = stored_name(upload.name, kind)
        return upload
