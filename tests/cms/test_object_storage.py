"""With MEDIA_STORAGE_URL set, media live in S3-compatible object storage: public documents
in a bucket the public reads, private ones in a bucket it cannot. Wagtail's document view
checks access first, then redirects: to the public URL, or to a signed URL that expires.
A local S3-compatible server (moto, in this process) stands in for the object storage."""

import json
import urllib.error
import urllib.request
import uuid
from email.message import Message
from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit

import boto3
import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from cms.media import media_storages

pytestmark = pytest.mark.django_db
Document = get_document_model()


def fetch(url: str) -> tuple[int, bytes, Message]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - a local server
            return response.status, response.read(), response.headers
    except urllib.error.HTTPError as error:
        return error.code, b"", error.headers


@pytest.fixture
def object_storage(settings, monkeypatch):
    from moto.server import ThreadedMotoServer

    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        monkeypatch.setenv(name, "designlab-test")
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{server.get_host_and_port()[1]}"
    s3 = boto3.client("s3", endpoint_url=endpoint, region_name="eu-west-2")
    public, private = f"media-{uuid.uuid4().hex[:8]}", f"private-{uuid.uuid4().hex[:8]}"
    for bucket in (public, private):
        s3.create_bucket(
            Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"}
        )
    s3.put_bucket_policy(Bucket=public, Policy=json.dumps({"Statement": [{
        "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
        "Resource": f"arn:aws:s3:::{public}/*",
    }]}))  # fmt: skip
    public_url = f"{endpoint}/{public}/"
    settings.MEDIA_URL = public_url
    settings.WAGTAILDOCS_SERVE_METHOD = "redirect"
    settings.STORAGES = {
        **settings.STORAGES,
        **media_storages(
            media_root=settings.MEDIA_ROOT, media_url=public_url,
            private_root=settings.PRIVATE_MEDIA_ROOT, public_bucket=f"s3://{public}",
            private_bucket=f"s3://{private}", private_url_seconds=300, endpoint_url=endpoint,
            region_name="eu-west-2",
        ),
    }  # fmt: skip
    yield SimpleNamespace(s3=s3, endpoint=endpoint, public=public, private=private)
    server.stop()


def keys(storage, bucket) -> set[str]:
    return {item["Key"] for item in storage.s3.list_objects_v2(Bucket=bucket).get("Contents", [])}


@pytest.fixture
def restricted_collection(db):
    return CollectionViewRestriction.objects.get(
        collection__name="Workshop materials (Lab participants)"
    ).collection


def document_add(title: str, content: bytes, collection=None) -> Document:
    """A document as an upload makes it: its file not yet stored."""
    name = f"{title.lower().replace(' ', '-')}-0a1b2c3d4e5f.txt"
    document = Document(title=title, file=ContentFile(content, name=name),
                        collection=collection or Collection.get_first_root_node())  # fmt: skip
    document.save()
    return document


def test_a_public_document_is_fetched_from_its_public_url(object_storage, client):
    document = document_add("Welcome pack", b"Welcome to the borough")
    assert keys(object_storage, object_storage.public) == {document.file.name}
    response = client.get(document.url)
    assert response.status_code == 302
    location = response["Location"]
    assert location.startswith(f"{object_storage.endpoint}/{object_storage.public}/documents/")
    assert not urlsplit(location).query  # no signature: anyone may read it
    status, body, headers = fetch(location)
    assert (status, body) == (200, b"Welcome to the borough")
    assert headers.get("Content-Disposition") == "attachment", dict(headers)


def test_a_private_document_is_fetched_only_by_a_signed_url_that_expires(
    object_storage, client, barnet_officer, restricted_collection
):
    document = document_add("Workshop slides", b"Lab participants only", restricted_collection)
    inner = document.file.name.removeprefix("private/")
    assert keys(object_storage, object_storage.private) == {inner}
    assert keys(object_storage, object_storage.public) == set()

    anonymous = client.get(document.url)
    assert anonymous.status_code == 302 and "login" in anonymous["Location"]
    client.force_login(barnet_officer)
    response = client.get(document.url)
    assert response.status_code == 302
    signed = urlsplit(response["Location"])
    query = parse_qs(signed.query)
    assert query["X-Amz-Expires"] == ["300"] and query["X-Amz-Signature"]
    assert fetch(response["Location"])[:2] == (200, b"Lab participants only")

    unsigned = f"{object_storage.endpoint}{signed.path}"
    assert fetch(unsigned)[0] == 403  # the private bucket refuses anonymous reads
    public_path = f"{object_storage.endpoint}/{object_storage.public}/{inner}"
    assert fetch(public_path)[0] == 404  # and the public bucket never had it


def test_moving_a_document_moves_its_object_between_buckets(
    object_storage, restricted_collection, django_capture_on_commit_callbacks
):
    document = document_add("Agenda", b"Agenda")
    with django_capture_on_commit_callbacks(execute=True):
        document.collection = restricted_collection
        document.save()
    assert keys(object_storage, object_storage.public) == set()
    assert keys(object_storage, object_storage.private) == {
        document.file.name.removeprefix("private/")
    }
