"""Documents of restricted collections are stored where no static route reaches them (a
folder outside MEDIA_ROOT), always under generated names, and reach a visitor only through
Wagtail's document view and its checks. A document moved into or out of a restricted
collection, or whose collection gains or loses its restriction, has its file moved too."""

import re
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from cms.storage import PRIVATE

pytestmark = pytest.mark.django_db
Document = get_document_model()
GENERATED = re.compile(r"-[0-9a-f]{12}\.\w+$")


def private_documents():
    restricted = CollectionViewRestriction.objects.values("collection")
    return Document.objects.filter(collection__in=restricted)


def media_files() -> set[str]:
    root = Path(django_settings.MEDIA_ROOT)
    return {path.name for path in root.rglob("*") if path.is_file()} if root.exists() else set()


@pytest.fixture
def storage_dirs(settings, tmp_path):
    """Empty public and private folders for this test."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {**settings.STORAGES, "private_media": {
        "BACKEND": "cms.storage.PrivateFileSystemStorage",
        "OPTIONS": {"location": tmp_path / "private"},
    }}  # fmt: skip
    return tmp_path


@pytest.fixture
def participants_only():
    collection = Collection.get_first_root_node().add_child(name="Steering group papers")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return restriction


def test_no_private_document_can_be_fetched_by_its_storage_path(client):
    documents = list(private_documents())
    assert len(documents) >= 5  # the seeded workshop and webinar outlines
    public_files = media_files()
    for document in documents:
        name = document.file.name
        assert name.startswith(PRIVATE), name
        assert GENERATED.search(name), f"{name} is not a generated name"
        assert (Path(django_settings.PRIVATE_MEDIA_ROOT) / name.removeprefix(PRIVATE)).is_file()
        assert Path(name).name not in public_files
        for path in [name, name.removeprefix(PRIVATE), Path(name).name]:
            response = client.get(django_settings.MEDIA_URL + path)
            assert response.status_code == 404, path


def test_a_private_document_is_served_only_by_the_document_view(client, barnet_officer):
    document = private_documents().first()
    anonymous = client.get(document.url)
    assert anonymous.status_code == 302 and "login" in anonymous["Location"]
    client.force_login(barnet_officer)
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert b"Session outline" in b"".join(response.streaming_content)


def test_an_upload_to_a_restricted_collection_goes_straight_to_private_storage(
    storage_dirs, participants_only, django_user_model
):
    client = Client(enforce_csrf_checks=True)
    client.force_login(django_user_model.objects.create_superuser("documents-admin"))
    form = client.get(reverse("wagtaildocs:add"))
    response = client.post(reverse("wagtaildocs:add"), {
        "csrfmiddlewaretoken": form.cookies["csrftoken"].value,
        "title": "Steering group minutes",
        "file": SimpleUploadedFile("minutes.txt", b"Minutes of the steering group"),
        "collection": participants_only.collection_id,
    })  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:2000]
    document = Document.objects.get(title="Steering group minutes")
    assert document.file.name.startswith(f"{PRIVATE}documents/minutes-")
    assert (storage_dirs / "private" / document.file.name.removeprefix(PRIVATE)).is_file()
    assert media_files() == set()  # not even for a moment under MEDIA_ROOT
    assert client.get(django_settings.MEDIA_URL + document.file.name).status_code == 404


def test_moving_a_document_into_a_restricted_collection_moves_its_file(
    storage_dirs, participants_only, django_capture_on_commit_callbacks
):
    document = Document(title="Minutes")
    document.file.save("minutes-0a1b2c3d4e5f.txt", ContentFile(b"Minutes"), save=False)
    document.save()
    assert media_files() == {"minutes-0a1b2c3d4e5f.txt"}

    with django_capture_on_commit_callbacks(execute=True):
        document.collection = participants_only.collection
        document.save()
    assert document.file.name.startswith(PRIVATE) and GENERATED.search(document.file.name)
    assert "minutes-0a1b2c3d4e5f" not in document.file.name  # a new generated name
    assert media_files() == set()  # the public copy is gone
    assert document.file.open("rb").read() == b"Minutes"

    with django_capture_on_commit_callbacks(execute=True):
        document.collection = Collection.get_first_root_node()
        document.save()
    assert not document.file.name.startswith(PRIVATE)
    assert not list((storage_dirs / "private").rglob("*.txt"))
    assert (storage_dirs / "media" / document.file.name).read_bytes() == b"Minutes"


def test_restricting_a_collection_moves_its_documents_and_lifting_it_moves_them_back(
    storage_dirs, django_capture_on_commit_callbacks
):
    collection = Collection.get_first_root_node().add_child(name="Drafts")
    document = Document(title="Draft guidance", collection=collection)
    document.file.save("draft-0a1b2c3d4e5f.txt", ContentFile(b"Draft"), save=False)
    document.save()
    with django_capture_on_commit_callbacks(execute=True):
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
        restriction.groups.set(Group.objects.all())
    document.refresh_from_db()
    assert document.file.name.startswith(PRIVATE)
    assert media_files() == set()
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    document.refresh_from_db()
    assert not document.file.name.startswith(PRIVATE)
    assert (storage_dirs / "media" / document.file.name).read_bytes() == b"Draft"
