"""Two app servers (gunicorn processes on loopback ports) behind the same PostgreSQL, Redis
and object storage behave as one site: a sign-in on one is valid on the other, login
throttling counts attempts made on both, a document uploaded through one downloads through
the other, and a publish through one clears the cached page on both. Runs on PostgreSQL
runs with a Redis broker only; the object storage is a local S3-compatible server (moto)."""

import json
import re
import uuid

import pytest
import requests
from django.conf import settings as django_settings

from tests.cms.app_servers import app_server, page_cache_clear, sign_in

pytestmark = [pytest.mark.slow]
PAGE = "/toolkit/esol/"
PASSWORD = "designlab-demo"
EDITOR_PASSWORD = "a-site-editor-passphrase"


@pytest.fixture
def object_storage(monkeypatch):
    """A local S3-compatible server with a public and a private bucket."""
    import boto3
    from moto.server import ThreadedMotoServer

    credentials = {"AWS_ACCESS_KEY_ID": "designlab-test", "AWS_SECRET_ACCESS_KEY": "test"}
    for name, value in credentials.items():
        monkeypatch.setenv(name, value)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{server.get_host_and_port()[1]}"
    s3 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1")
    public, private = f"media-{uuid.uuid4().hex[:8]}", f"private-{uuid.uuid4().hex[:8]}"
    s3.create_bucket(Bucket=public)
    s3.create_bucket(Bucket=private)
    s3.put_bucket_policy(Bucket=public, Policy=json.dumps({"Statement": [{
        "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
        "Resource": f"arn:aws:s3:::{public}/*",
    }]}))  # fmt: skip
    yield {**credentials, "AWS_S3_ENDPOINT_URL": endpoint, "AWS_S3_REGION_NAME": "us-east-1",
           "MEDIA_STORAGE_URL": f"s3://{public}", "PRIVATE_MEDIA_STORAGE_URL": f"s3://{private}",
           "MEDIA_URL": f"{endpoint}/{public}/"}  # fmt: skip
    server.stop()


@pytest.fixture
def two_servers(shared_services_settings, seeded_database, object_storage):
    services = {**shared_services_settings, **object_storage}
    page_cache_clear(services["CACHE_URL"])
    with app_server(services) as first, app_server(services) as second:
        yield first, second


def upload(browser: requests.Session, base: str, title: str, content: bytes, collection: int):
    form = browser.get(f"{base}/admin/documents/add/", timeout=10)
    assert form.status_code == 200
    response = browser.post(
        f"{base}/admin/documents/add/",
        data={"title": title, "collection": collection,
              "csrfmiddlewaretoken": browser.cookies["csrftoken"]},
        files={"file": ("notes.txt", content)},
        headers={"Referer": f"{base}/admin/documents/add/"}, allow_redirects=False, timeout=30,
    )  # fmt: skip
    assert response.status_code == 302, response.text[:2000]


def a_sign_in_on_one_is_valid_on_the_other(first: str, second: str) -> None:
    browser = requests.Session()
    assert sign_in(browser, first, "officer-barnet", PASSWORD).status_code == 302
    dashboard = browser.get(f"{second}/admin/", allow_redirects=False, timeout=10)
    assert dashboard.status_code == 200
    assert "Barnet" in dashboard.text


def login_throttling_counts_attempts_on_both(first: str, second: str) -> None:
    limit = django_settings.AXES_FAILURE_LIMIT
    statuses = [
        sign_in(requests.Session(), (first, second)[n % 2], "officer-brent", "wrong").status_code
        for n in range(limit)
    ]
    assert statuses == [200] * (limit - 1) + [429]  # the last one counted both servers' tries
    for server in (first, second):
        assert sign_in(requests.Session(), server, "officer-brent", PASSWORD).status_code == 429


def a_document_uploaded_through_one_downloads_through_the_other(first: str, second: str) -> None:
    from wagtail.documents import get_document_model
    from wagtail.models import Collection, CollectionViewRestriction

    Document = get_document_model()
    convenor = requests.Session()
    assert sign_in(convenor, first, "convenor", PASSWORD).status_code == 302
    root, private = Collection.get_first_root_node(), CollectionViewRestriction.objects.get()
    upload(convenor, first, "Public notes", b"Notes for everyone", root.pk)
    upload(convenor, first, "Private notes", b"Notes for participants", private.collection_id)

    public_url = Document.objects.get(title="Public notes").url
    response = requests.get(second + public_url, timeout=10)  # follows the redirect to S3
    assert response.status_code == 200 and response.content == b"Notes for everyone"
    assert response.history[0].status_code == 302

    private_url = Document.objects.get(title="Private notes").url
    anonymous = requests.get(second + private_url, allow_redirects=False, timeout=10)
    assert anonymous.status_code == 302 and "/login/" in anonymous.headers["Location"]
    signed = convenor.get(second + private_url, allow_redirects=False, timeout=10)
    assert re.search(r"X-Amz-Signature=\w+", signed.headers["Location"])
    assert requests.get(signed.headers["Location"], timeout=10).content == b"Notes for participants"


def a_publish_through_one_clears_the_cached_page_on_both(first: str, second: str) -> None:
    from django.contrib.auth import get_user_model

    from toolkit.models import ThemePage

    get_user_model().objects.create_superuser("site-editor", password=EDITOR_PASSWORD)
    visitor = requests.Session()
    for server in (first, second):
        visitor.get(server + PAGE, timeout=10)
        assert visitor.get(server + PAGE, timeout=10).headers["X-Page-Cache"] == "hit"
    theme = ThemePage.objects.get(slug="esol")
    theme.summary = "Published through the first server"
    theme.save_revision()  # a draft: the public pages do not change yet
    assert visitor.get(second + PAGE, timeout=10).headers["X-Page-Cache"] == "hit"

    editor = requests.Session()
    assert sign_in(editor, first, "site-editor", EDITOR_PASSWORD).status_code == 302
    publish = f"{first}/admin/bulk/wagtailcore/page/publish/?id={theme.pk}"
    editor.get(publish, timeout=10)
    token = {"csrfmiddlewaretoken": editor.cookies["csrftoken"]}
    editor.post(publish, data=token, headers={"Referer": publish}, timeout=30)
    for server in (first, second):
        page = visitor.get(server + PAGE, timeout=10)
        assert page.headers["X-Page-Cache"] == "miss"
        assert "Published through the first server" in page.text


def test_two_app_servers_behave_as_one_site(two_servers):
    # One test, four behaviours: starting two servers on a freshly seeded database is the
    # slow part, so they share it. Each step names what it proves.
    a_sign_in_on_one_is_valid_on_the_other(*two_servers)
    login_throttling_counts_attempts_on_both(*two_servers)
    a_document_uploaded_through_one_downloads_through_the_other(*two_servers)
    a_publish_through_one_clears_the_cached_page_on_both(*two_servers)
