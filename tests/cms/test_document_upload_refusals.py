"""Every way of uploading a Wagtail document (the add form, multiple upload, the chooser's
upload) refuses a file that is too large, whose contents do not match its extension, that
is a zip bomb, or whose XML declares entities; each refusal says why and stores nothing.
Accepted files are stored under generated names and always downloaded, never displayed."""

import io
import json
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model

from cms.documents import MAX_BYTES
from cms.uploads import entry_check
from tests.cms.hostile_archives import (
    BILLION_LAUGHS,
    BILLION_LAUGHS_UTF16,
    CONTENT_TYPES,
    office_file,
    sizes_understated,
)

Document = get_document_model()

GOOD_DOCX = office_file(
    {"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": "<document>Hello</document>"}
)
BAD_FILES = {
    "oversize": ("minutes.pdf", b"%PDF-1.7\n" + b"0" * MAX_BYTES, "the limit is 20.0"),
    "wrong magic bytes": ("minutes.pdf", b"MZ\x90\x00 a Windows program", "contents do not match"),
    "not accepted": ("page.html", b"<script>alert(1)</script>", "not an accepted file type"),
    "zip bomb": (
        "report.docx",
        office_file({"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": b"0" * 10**7}),
        "would expand to",
    ),
    "billion laughs in a docx": (
        "report.docx",
        office_file({"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": BILLION_LAUGHS}),
        "XML entity declarations",
    ),
    "billion laughs in an xlsx": (
        "figures.xlsx",
        office_file({"[Content_Types].xml": BILLION_LAUGHS, "xl/workbook.xml": "<workbook/>"}),
        "XML entity declarations",
    ),
    # Issue 15 item 7: the checks looked at names and trusted what the archive declared.
    "zip bomb understating its size": (
        "report.docx",
        sizes_understated(
            office_file({"[Content_Types].xml": CONTENT_TYPES, "word/media/a.bin": b"0" * 10**7}),
            "word/media/a.bin",
        ),
        "would expand to more than",
    ),
    **{
        f"billion laughs in a part named {part}": (
            "report.docx",
            office_file({"[Content_Types].xml": CONTENT_TYPES, part: BILLION_LAUGHS}),
            "XML entity declarations",
        )
        for part in (
            "word/document.XML",
            "word/_rels/document.xml.RELS",
            "word/document.xmlx",
            "customXml/item1",
        )
    },  # fmt: skip
    "billion laughs in UTF-16": (
        "report.docx",
        office_file(
            {"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": BILLION_LAUGHS_UTF16}
        ),
        "XML entity declarations",
    ),
}


@pytest.fixture
def admin_client(client, django_user_model, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(django_user_model.objects.create_superuser("documents-admin"))
    return client


def upload_by_add_form(client, name, content):
    response = client.post(
        reverse("wagtaildocs:add"),
        {"title": "Minutes", "file": SimpleUploadedFile(name, content), "collection": 1},
    )
    assert response.status_code == 200, "the form is shown again"
    return response.content.decode()


def upload_by_multiple(client, name, content):
    response = client.post(
        reverse("wagtaildocs:add_multiple"), {"files[]": SimpleUploadedFile(name, content)}
    )
    answer = json.loads(response.content)
    assert answer["success"] is False
    return answer["error_message"]


def upload_by_chooser(client, name, content):
    response = client.post(
        reverse("wagtaildocs_chooser:create"),
        {"document-chooser-upload-title": "Minutes",
         "document-chooser-upload-file": SimpleUploadedFile(name, content),
         "document-chooser-upload-collection": 1},
    )  # fmt: skip
    answer = json.loads(response.content)
    assert answer["step"] == "reshow_creation_form"
    return answer["htmlFragment"]


@pytest.mark.parametrize("upload", [upload_by_add_form, upload_by_multiple, upload_by_chooser])
@pytest.mark.parametrize("kind", BAD_FILES)
def test_bad_document_is_refused_with_a_reason_and_nothing_stored(
    admin_client, tmp_path, upload, kind
):
    name, content, reason = BAD_FILES[kind]
    before = Document.objects.count()
    message = upload(admin_client, name, content)
    assert reason in message
    assert Document.objects.count() == before
    assert not any(path.is_file() for path in tmp_path.rglob("*"))


def test_accepted_document_is_stored_under_a_generated_name_and_downloaded(admin_client):
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Minutes", "file": SimpleUploadedFile("../../Minutes <final>.docx", GOOD_DOCX),
         "collection": 1},
    )  # fmt: skip
    assert response.status_code == 302
    document = Document.objects.get(title="Minutes")
    assert document.filename.startswith("minutes-final-")
    assert document.filename != "minutes-final.docx"
    assert document.file.name.startswith("documents/") and document.filename.endswith(".docx")

    download = admin_client.get(document.url)
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment;")
    assert download["Content-Security-Policy"] == "default-src 'none'"
    assert download["X-Content-Type-Options"] == "nosniff"
    assert b"".join(download.streaming_content) == GOOD_DOCX


def test_a_pdf_is_downloaded_too_not_shown_inline(admin_client):
    pdf = b"%PDF-1.7\n%%EOF\n"
    admin_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Report", "file": SimpleUploadedFile("report.pdf", pdf), "collection": 1},
    )
    download = admin_client.get(Document.objects.get(title="Report").url)
    assert download["Content-Disposition"].startswith("attachment;")


def test_expansion_is_measured_by_decompressing_and_stops_at_the_cap():
    """An entry declaring 1 KB is measured at its real 10 MB; with a 1 MB allowance,
    decompression stops one byte past it."""
    bomb = sizes_understated(office_file({"a.bin": b"0" * 10**7}), "a.bin")
    with zipfile.ZipFile(io.BytesIO(bomb)) as archive:
        entry = archive.getinfo("a.bin")
        assert entry.file_size == 1024
        assert entry_check(archive, entry, 10**8, "bomb.docx") == 10**7
        assert entry_check(archive, entry, 10**6, "bomb.docx") == 10**6 + 1
