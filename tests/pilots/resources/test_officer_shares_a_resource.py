"""An officer shares a link or a document with the Lab through the admin, choosing who
may see it; another borough's officer finds it and records "we reused this"."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection

from designlab.models import Lab
from pilots.models import ResourceReuse, SharedResource
from tests.pilots.access.access_matrix_world import form_data

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def share(client, **fields) -> SharedResource:
    url = reverse("wagtailsnippets_pilots_sharedresource:add")
    lab = Lab.objects.get(slug="asylum-welcome-2023")
    data = form_data(client.get(url)) | {"kind": "training", "lab": str(lab.pk), **fields}
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return SharedResource.objects.get(title=fields["title"])


def test_officer_shares_a_link_for_lab_participants(client, barnet_officer, brent_officer):
    client.force_login(barnet_officer)
    resource = share(
        client, title="Volunteer induction slides", url="https://example.org/induction",
        visibility="participants",
    )  # fmt: skip
    assert (resource.borough.slug, resource.url, resource.document) == (
        "barnet", "https://example.org/induction", None
    )  # fmt: skip
    assert not resource.is_public

    client.force_login(brent_officer)
    listing = client.get(reverse("wagtailsnippets_pilots_sharedresource:list")).content.decode()
    reuse = reverse("pilots_resource_reuse", args=[resource.pk])
    assert "Volunteer induction slides" in listing and reuse in listing
    response = client.post(reuse, {"note": "Used for our hotel volunteers"}, follow=True)
    assert "Recorded: Brent reused “Volunteer induction slides”." in response.content.decode()
    assert ResourceReuse.objects.filter(resource=resource, borough__slug="brent").exists()


def test_officer_shares_a_document_offered_to_the_public(client, barnet_officer, convenor):
    client.force_login(barnet_officer)
    response = client.post(
        reverse("wagtaildocs:add"),
        {"title": "Welcome pack", "file": SimpleUploadedFile("Welcome pack.pdf", PDF),
         "collection": Collection.get_first_root_node().pk},
    )  # fmt: skip
    assert response.status_code == 302
    document = get_document_model().objects.get(title="Welcome pack")
    resource = share(
        client, title="Welcome pack", document=str(document.pk), visibility="public",
    )  # fmt: skip
    assert resource.document == document and not resource.is_public

    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Resources awaiting the GLA's review" in home and "Welcome pack" in home

    client.force_login(convenor)
    client.post(reverse("pilots_resource_approve", args=[resource.pk]))
    resource.refresh_from_db()
    assert resource.is_public

    # A new file in the approved document withdraws the approval.
    document.file = SimpleUploadedFile("Welcome pack v2.pdf", PDF)
    document.save()
    resource.refresh_from_db()
    assert not resource.is_public


def test_a_document_the_public_cannot_open_is_not_approved(client, convenor, barnet_pilot):
    materials = Collection.objects.get(name="Workshop materials (Lab participants)")
    document = get_document_model().objects.create(
        title="Workshop 3 slides", file=SimpleUploadedFile("slides.pdf", PDF), collection=materials
    )
    resource = SharedResource.objects.create(
        lab=barnet_pilot.lab, borough=barnet_pilot.borough, title="Workshop 3 slides",
        kind="training", document=document, visibility="public",
    )  # fmt: skip
    client.force_login(convenor)
    response = client.post(reverse("pilots_resource_approve", args=[resource.pk]), follow=True)
    assert "which the public cannot open" in response.content.decode()
    resource.refresh_from_db()
    assert resource.approved_at is None


def test_a_resource_needs_a_document_or_a_link(client, barnet_officer):
    client.force_login(barnet_officer)
    url = reverse("wagtailsnippets_pilots_sharedresource:add")
    form = form_data(client.get(url))
    # The officer's borough and its only Lab come chosen.
    assert form["lab"] == str(Lab.objects.get(slug="asylum-welcome-2023").pk)
    response = client.post(url, form | {"kind": "training", "title": "Nothing attached"})
    assert response.status_code == 200
    assert "Add a document or a link" in response.content.decode()
    assert not SharedResource.objects.filter(title="Nothing attached").exists()


def test_a_participants_only_document_is_served_to_participants_only(
    client, barnet_officer, brent_officer, convenor, django_user_model
):
    client.force_login(barnet_officer)
    client.post(
        reverse("wagtaildocs:add"),
        {"title": "Hotel contacts", "file": SimpleUploadedFile("Hotel contacts.pdf", PDF),
         "collection": Collection.get_first_root_node().pk},
    )  # fmt: skip
    document = get_document_model().objects.get(title="Hotel contacts")
    resource = share(client, title="Hotel contacts", document=str(document.pk), visibility="public")
    client.logout()

    response = client.get(document.url)  # offered to the public, not yet approved
    assert response.status_code == 302 and "/login/" in response["Location"]
    client.force_login(django_user_model.objects.create_user("outsider"))
    assert client.get(document.url).status_code == 403
    client.force_login(brent_officer)  # another borough of the Lab
    assert client.get(document.url).status_code == 200

    client.force_login(convenor)
    client.post(reverse("pilots_resource_approve", args=[resource.pk]))
    client.logout()
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
