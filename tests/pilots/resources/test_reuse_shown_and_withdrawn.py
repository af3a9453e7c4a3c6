""" "We reused this" shows when the borough has already recorded it, and has a way back:
the borough withdraws its own record (posted, logged); nobody else's."""

from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import ModelLogEntry

from pilots.models import ResourceReuse, SharedResource
from tests.refusals import refused

RESOURCES = reverse("wagtailsnippets_pilots_sharedresource:list")


def resource_of(borough_pilot) -> SharedResource:
    return SharedResource.objects.create(
        lab=borough_pilot.lab, borough=borough_pilot.borough, title="Volunteer induction pack",
        kind="training", url="https://barnet.example/pack",
    )  # fmt: skip


def row_of(client, resource) -> str:
    soup = BeautifulSoup(client.get(RESOURCES).content, "html.parser")
    row = next(tr for tr in soup.select("tbody tr") if resource.title in tr.get_text())
    return " ".join(row.get_text().split())


def test_recorded_reuse_is_shown_and_can_be_withdrawn(client, brent_officer, barnet_pilot):
    resource = resource_of(barnet_pilot)
    reuse = reverse("pilots_resource_reuse", args=[resource.pk])
    client.force_login(brent_officer)
    assert "We reused this" in row_of(client, resource)
    assert "Yes, recorded" not in row_of(client, resource)

    client.post(reuse, {"note": "Adapted for our hotels"})
    assert "Yes, recorded" in row_of(client, resource)
    assert "Reuse recorded" in row_of(client, resource)
    page = " ".join(BeautifulSoup(client.get(reuse).content, "html.parser").get_text().split())
    assert "Already recorded: your borough's reuse was recorded on" in page
    assert "Withdraw our reuse record" in page

    response = client.post(
        reverse("pilots_resource_reuse_withdraw", args=[resource.pk]), follow=True
    )
    said = " ".join(
        BeautifulSoup(response.content, "html.parser").select_one(".messages").get_text().split()
    )
    assert said == "Withdrawn: Brent's reuse of “Volunteer induction pack” is no longer recorded."
    assert not ResourceReuse.objects.filter(resource=resource).exists()
    assert "We reused this" in row_of(client, resource)
    actions = ModelLogEntry.objects.filter(object_id=str(resource.pk)).values_list(
        "action", flat=True
    )
    assert {"pilots.resource_reused", "pilots.resource_reuse_withdrawn"} <= set(actions)


def test_only_the_recording_borough_withdraws_its_record(
    client, brent_officer, barnet_officer, convenor, barnet_pilot
):
    resource = resource_of(barnet_pilot)
    ResourceReuse.objects.create(resource=resource, borough=brent_officer.officer.borough)
    withdraw = reverse("pilots_resource_reuse_withdraw", args=[resource.pk])
    for user in (barnet_officer, convenor):  # the owner, and the GLA
        client.force_login(user)
        assert refused(client.post(withdraw))
    assert ResourceReuse.objects.filter(resource=resource).count() == 1
    client.force_login(brent_officer)
    assert client.get(withdraw).status_code == 405  # a link cannot withdraw it
    assert ResourceReuse.objects.filter(resource=resource).count() == 1
