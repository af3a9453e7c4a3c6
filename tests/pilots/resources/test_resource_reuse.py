"""Another borough marks a shared resource "we reused this" (a peer exchange, recorded
once); only a convenor approves a resource for the public."""

import pytest
from django.urls import reverse

from pilots.models import ResourceReuse, SharedResource
from tests.refusals import refused


@pytest.fixture
def barnet_resource(barnet_pilot):
    return SharedResource.objects.create(
        lab=barnet_pilot.lab, borough=barnet_pilot.borough, title="Volunteer induction pack",
        kind=SharedResource.Kind.TRAINING, visibility=SharedResource.Visibility.PUBLIC,
    )  # fmt: skip


def test_another_borough_records_reuse_once(client, brent_officer, barnet_resource):
    client.force_login(brent_officer)
    url = reverse("pilots_resource_reuse", args=[barnet_resource.pk])
    assert b"We reused this" in client.get(url).content
    client.post(url, {"note": "Adapted for our hotels"})
    client.post(url, {"note": "Again"})
    [reuse] = ResourceReuse.objects.filter(resource=barnet_resource)
    assert (reuse.borough.slug, reuse.note) == ("brent", "Adapted for our hotels")
    assert "recorded on" in client.get(url).content.decode()


def test_owning_borough_cannot_mark_its_own_resource(client, barnet_officer, barnet_resource):
    client.force_login(barnet_officer)
    response = client.post(reverse("pilots_resource_reuse", args=[barnet_resource.pk]), {})
    assert refused(response)
    assert not ResourceReuse.objects.filter(resource=barnet_resource).exists()


def test_only_a_convenor_approves_for_the_public(client, barnet_officer, convenor, barnet_resource):
    url = reverse("pilots_resource_approve", args=[barnet_resource.pk])
    client.force_login(barnet_officer)
    assert refused(client.post(url))
    barnet_resource.refresh_from_db()
    assert not barnet_resource.is_public
    client.force_login(convenor)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Shared resources awaiting your review" in home and "Volunteer induction pack" in home
    assert client.post(url, {"next": "https://evil.example/"}).url == reverse("wagtailadmin_home")
    barnet_resource.refresh_from_db()
    assert barnet_resource.is_public
