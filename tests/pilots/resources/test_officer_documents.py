"""An officer edits the documents they uploaded, never another borough's or the toolkit's."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model

from pilots.access.collections import borough_collection
from tests.refusals import refused

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def document_by(user, title):
    """A document `user` uploaded into their borough's collection."""
    return get_document_model().objects.create(
        title=title, file=SimpleUploadedFile(f"{title}.pdf", PDF), uploaded_by_user=user,
        collection=borough_collection(user.officer.borough),
    )  # fmt: skip


def test_officer_edits_own_document_only(client, settings, tmp_path, barnet_officer, brent_officer):
    settings.MEDIA_ROOT = tmp_path
    own = document_by(barnet_officer, "Barnet volunteer handbook")
    brents = document_by(brent_officer, "Brent welcome pack")
    client.force_login(barnet_officer)

    assert client.get(reverse("wagtaildocs:edit", args=[own.pk])).status_code == 200
    response = client.get(reverse("wagtaildocs:edit", args=[brents.pk]))
    assert refused(response)

    response = client.post(reverse("wagtaildocs:edit", args=[brents.pk]), {"title": "Mine now"})
    brents.refresh_from_db()
    assert brents.title == "Brent welcome pack"
    assert "Brent welcome pack" not in client.get(reverse("wagtaildocs:index")).content.decode()
