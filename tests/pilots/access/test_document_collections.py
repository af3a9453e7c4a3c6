"""Each borough's documents live in its own collection: an officer chooses, finds, lists
and edits only their borough's documents (and chooses the Lab's shared ones); uploads go
to their borough's collection whichever way they upload. The groups follow the officers'
records, and another borough's documents are not served to them until shared.

Who is who: Barnet's officer must never meet Brent's "Brent hotel contacts"."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection

from cms.demo_accounts import DEMO_GROUP
from designlab.models import Borough, Officer
from pilots.access.collections import borough_collection, lab_collection
from pilots.access.roles import ensure_roles
from pilots.models import SharedResource
from tests.pilots.access.access_matrix_world import form_data
from tests.refusals import refused
from toolkit.seed import MATERIALS_COLLECTION

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
Document = get_document_model()


def document(title: str, collection: Collection, user=None) -> Document:
    return Document.objects.create(
        title=title, collection=collection, uploaded_by_user=user,
        file=SimpleUploadedFile(f"{title}.pdf", PDF),
    )  # fmt: skip


@pytest.fixture
def documents(barnet_officer, brent_officer):
    barnet, brent = (Borough.objects.get(slug=s) for s in ("barnet", "brent"))
    return {
        "own": document("Barnet volunteer handbook", borough_collection(barnet), barnet_officer),
        "colleague": document("Barnet rota", borough_collection(barnet)),
        "lab": document("Lab evaluation template", lab_collection()),
        "other": document("Brent hotel contacts", borough_collection(brent), brent_officer),
        "root": document("Toolkit print version", Collection.get_first_root_node()),
    }


def shown(client, name: str, **params) -> str:
    response = client.get(reverse(name), params)
    assert response.status_code == 200
    return response.content.decode()


def test_chooser_and_its_search_offer_own_borough_and_lab(client, barnet_officer, documents):
    client.force_login(barnet_officer)
    for page in (
        shown(client, "wagtaildocs_chooser:choose"),
        shown(client, "wagtaildocs_chooser:choose_results", q="Barnet Lab Brent Toolkit"),
        shown(client, "wagtaildocs_chooser:choose_results", q="hotel"),
    ):
        assert "Brent hotel contacts" not in page and "Toolkit print version" not in page
    page = shown(client, "wagtaildocs_chooser:choose")
    for title in ("Barnet volunteer handbook", "Barnet rota", "Lab evaluation template"):
        assert title in page
    chosen = reverse("wagtaildocs_chooser:chosen", args=[documents["other"].pk])
    assert refused(client.get(chosen))


def test_index_and_search_list_only_what_the_officer_uploaded(client, barnet_officer, documents):
    client.force_login(barnet_officer)
    page = shown(client, "wagtaildocs:index")
    assert "Barnet volunteer handbook" in page
    for title in ("Brent hotel contacts", "Barnet rota", "Toolkit print version"):
        assert title not in page
    assert "Brent hotel contacts" not in shown(client, "wagtaildocs:index_results", q="hotel")


def test_edit_view_opens_only_own_documents(csrf_client, barnet_officer, documents):
    csrf_client.force_login(barnet_officer)
    own = reverse("wagtaildocs:edit", args=[documents["own"].pk])
    page = csrf_client.get(own)
    assert page.status_code == 200 and 'name="collection"' not in page.content.decode()
    for name in ("other", "colleague", "lab"):
        assert refused(csrf_client.get(reverse("wagtaildocs:edit", args=[documents[name].pk])))
    data = form_data(page) | {"title": "Mine now"}
    other = reverse("wagtaildocs:edit", args=[documents["other"].pk])
    assert refused(csrf_client.post(other, data))
    documents["other"].refresh_from_db()
    assert documents["other"].title == "Brent hotel contacts"


def test_every_upload_lands_in_the_officers_borough(csrf_client, barnet_officer):
    barnet = borough_collection(Borough.objects.get(slug="barnet"))
    csrf_client.force_login(barnet_officer)

    page = csrf_client.get(reverse("wagtaildocs:add"))
    assert 'name="collection"' not in page.content.decode()  # nothing else to choose
    data = form_data(page) | {"title": "Added", "file": SimpleUploadedFile("a.pdf", PDF)}
    assert csrf_client.post(reverse("wagtaildocs:add"), data).status_code == 302

    page = csrf_client.get(reverse("wagtaildocs:add_multiple"))
    token = form_data(page)["csrfmiddlewaretoken"]
    response = csrf_client.post(
        reverse("wagtaildocs:add_multiple"),
        {"csrfmiddlewaretoken": token, "files[]": SimpleUploadedFile("m.pdf", PDF),
         "collection": lab_collection().pk},  # a collection they may not add to: ignored
    )  # fmt: skip
    assert json.loads(response.content)["success"] is True

    response = csrf_client.post(
        reverse("wagtaildocs_chooser:create"),
        {"csrfmiddlewaretoken": token, "document-chooser-upload-title": "From the chooser",
         "document-chooser-upload-file": SimpleUploadedFile("c.pdf", PDF)},
    )  # fmt: skip
    assert json.loads(response.content)["step"] == "chosen"

    uploaded = Document.objects.filter(uploaded_by_user=barnet_officer)
    assert uploaded.count() == 3
    assert set(uploaded.values_list("collection", flat=True)) == {barnet.pk}


def test_groups_follow_the_officer_record(client, barnet_officer, documents):
    officer = Officer.objects.get(user=barnet_officer)
    officer.borough = Borough.objects.get(slug="brent")
    officer.save()
    client.force_login(barnet_officer)
    page = shown(client, "wagtaildocs_chooser:choose")
    assert "Brent hotel contacts" in page and "Barnet rota" not in page
    groups = set(barnet_officer.groups.values_list("name", flat=True)) - {DEMO_GROUP}
    assert groups == {"Borough officers", "Officers of Brent"}

    officer.delete()
    assert not barnet_officer.groups.filter(name__startswith="Officers of ").exists()


def test_role_refresh_moves_existing_documents_to_their_borough(barnet_officer, barnet_pilot):
    root = Collection.get_first_root_node()
    uploaded = document("Uploaded before collections", root, barnet_officer)
    shared = document("Shared before collections", root)
    SharedResource.objects.create(
        lab=barnet_pilot.lab, borough=barnet_pilot.borough, title="Pack", kind="report",
        document=shared,
    )  # fmt: skip
    toolkit = document("The toolkit's own", root)
    ensure_roles()
    barnet = borough_collection(barnet_pilot.borough)
    for moved in (uploaded, shared):
        moved.refresh_from_db()
        assert moved.collection == barnet
    toolkit.refresh_from_db()
    assert toolkit.collection == root


def test_workshop_materials_stay_restricted(client, barnet_officer):
    materials = Collection.objects.get(name=MATERIALS_COLLECTION)
    restriction = materials.view_restrictions.get()
    assert set(restriction.groups.values_list("name", flat=True)) == {
        "Convenors", "Borough officers",
    }  # fmt: skip
    client.force_login(barnet_officer)
    assert "session outline" not in shown(client, "wagtaildocs_chooser:choose")


def test_another_boroughs_document_is_served_only_once_shared(
    client, barnet_officer, brent_officer, documents, brent_pilot
):
    other = documents["other"]
    url = other.url
    client.force_login(barnet_officer)
    assert client.get(url).status_code == 403
    client.logout()
    assert "/login/" in client.get(url)["Location"]
    client.force_login(brent_officer)
    assert client.get(url).status_code == 200
    SharedResource.objects.create(
        lab=brent_pilot.lab, borough=brent_pilot.borough, title="Hotel contacts",
        kind="contacts", document=other,
    )  # fmt: skip
    client.force_login(barnet_officer)  # shared with the Lab, which Barnet is in
    assert client.get(url).status_code == 200
