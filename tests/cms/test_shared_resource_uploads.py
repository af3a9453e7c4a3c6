"""A borough officer attaching a file or a link to a shared resource goes through the same
checks as any upload: the document chooser's upload refuses a zip bomb or a file whose
contents do not match its name, storing nothing, and a link must be a web address."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model

from pilots.models import SharedResource
from tests.cms.test_document_upload_refusals import BAD_FILES, GOOD_DOCX
from tests.pilots.access.access_matrix_world import form_data

Document = get_document_model()


@pytest.fixture
def officer(client, barnet_officer, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(barnet_officer)
    return client


def chooser_upload(client, name, content):
    return client.post(
        reverse("wagtaildocs_chooser:create"),
        {"document-chooser-upload-title": "Welcome pack",
         "document-chooser-upload-file": SimpleUploadedFile(name, content),
         "document-chooser-upload-collection": 1},
    )  # fmt: skip


@pytest.mark.parametrize("kind", ["zip bomb", "wrong magic bytes", "billion laughs in a docx"])
def test_officers_bad_file_is_refused_in_the_chooser(officer, tmp_path, kind):
    name, content, reason = BAD_FILES[kind]
    documents = Document.objects.count()
    answer = json.loads(chooser_upload(officer, name, content).content)
    assert answer["step"] == "reshow_creation_form"
    assert reason in answer["htmlFragment"]
    assert Document.objects.count() == documents
    assert not list(tmp_path.rglob("*.*"))


def test_officers_good_file_is_stored_and_attached(officer, barnet_officer, lab):
    answer = json.loads(chooser_upload(officer, "Welcome pack.docx", GOOD_DOCX).content)
    assert answer["step"] == "chosen"
    document = Document.objects.get(pk=answer["result"]["id"])
    assert document.filename.startswith("welcome-pack-") and document.filename.endswith(".docx")

    url = reverse("wagtailsnippets_pilots_sharedresource:add")
    data = form_data(officer.get(url)) | {
        "title": "Welcome pack", "kind": "welcome_pack", "lab": lab.pk,
        "borough": barnet_officer.officer.borough.pk, "document": document.pk,
        "visibility": "participants", "provenance": "reported",
    }  # fmt: skip
    assert officer.post(url, data).status_code == 302
    assert SharedResource.objects.get(title="Welcome pack").document == document


def test_a_link_must_be_a_web_address(officer, barnet_officer, lab):
    url = reverse("wagtailsnippets_pilots_sharedresource:add")
    data = form_data(officer.get(url)) | {
        "title": "Script link", "kind": "welcome_pack", "lab": lab.pk,
        "borough": barnet_officer.officer.borough.pk, "url": "javascript:alert(1)",
        "visibility": "participants", "provenance": "reported",
    }  # fmt: skip
    response = officer.post(url, data)
    assert response.status_code == 200
    assert "url" in response.context["form"].errors
    assert not SharedResource.objects.filter(title="Script link").exists()
