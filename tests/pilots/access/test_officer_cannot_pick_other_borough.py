"""Mass assignment: an officer cannot file or move a pilot or a shared resource under
another borough, nor publish by posting a flag. Refusals change nothing."""

from django.urls import reverse, reverse_lazy
from wagtail.models import ModelLogEntry

from designlab.models import Borough
from pilots.models import Pilot, SharedResource
from tests.pilots.access.access_matrix_world import form_data


def test_add_form_offers_only_own_borough(client, barnet_officer):
    client.force_login(barnet_officer)
    form = client.get(reverse("wagtailsnippets_pilots_pilot:add")).context["form"]
    assert list(form.fields["borough"].queryset) == [barnet_officer.officer.borough]


def test_creating_a_pilot_for_another_borough_is_refused(client, barnet_officer, lab):
    client.force_login(barnet_officer)
    url = reverse("wagtailsnippets_pilots_pilot:add")
    data = form_data(client.get(url)) | {
        "title": "Brent's pilot, by Barnet",
        "activity": "x",
        "lab": lab.pk,
        "borough": Borough.objects.get(slug="brent").pk,
        "stage": "designing",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Choose borough from the list" in str(response.context["form"].errors["borough"])
    assert not Pilot.objects.filter(title="Brent's pilot, by Barnet").exists()


def test_moving_own_pilot_to_another_borough_is_refused(client, barnet_officer, barnet_pilot):
    client.force_login(barnet_officer)
    url = reverse("wagtailsnippets_pilots_pilot:edit", args=[barnet_pilot.pk])
    data = form_data(client.get(url)) | {"borough": Borough.objects.get(slug="brent").pk}
    response = client.post(url, data)
    assert response.status_code == 200
    assert "borough" in response.context["form"].errors
    barnet_pilot.refresh_from_db()
    assert barnet_pilot.borough.slug == "barnet"
    assert barnet_pilot.latest_revision is None or (
        barnet_pilot.latest_revision.as_object().borough_id == barnet_pilot.borough_id
    )


def test_posting_publish_or_live_does_not_publish(client, barnet_officer, barnet_pilot):
    client.force_login(barnet_officer)
    url = reverse("wagtailsnippets_pilots_pilot:edit", args=[barnet_pilot.pk])
    before = Pilot.objects.filter(pk=barnet_pilot.pk).values().get()
    published = ModelLogEntry.objects.for_instance(barnet_pilot).filter(action="wagtail.publish")
    publications = published.count()  # the 2023 loader published it once
    data = form_data(client.get(url)) | {
        "title": "Published by an officer?",
        "live": "on",
        "action-publish": "action-publish",
    }
    client.post(url, data)
    live = Pilot.objects.filter(pk=barnet_pilot.pk).values().get()
    assert live["title"] == before["title"] and live["live"] == before["live"]
    assert published.count() == publications


RESOURCE_ADD = reverse_lazy("wagtailsnippets_pilots_sharedresource:add")


def resource_form(client, lab, **fields) -> dict:
    """The new-resource form as the logged-in officer gets it, filled in with `fields`."""
    return form_data(client.get(RESOURCE_ADD)) | {
        "kind": "welcome_pack", "url": "https://example.org/welcome-pack", "lab": lab.pk,
        "visibility": "participants", "provenance": "reported", **fields,
    }  # fmt: skip


def test_shared_resource_for_another_borough_is_refused(client, barnet_officer, lab):
    client.force_login(barnet_officer)
    url = RESOURCE_ADD
    data = resource_form(
        client, lab, title="Planted in Brent", borough=Borough.objects.get(slug="brent").pk
    )
    response = client.post(url, data)
    assert response.status_code == 200
    assert not SharedResource.objects.filter(title="Planted in Brent").exists()
    data["borough"] = barnet_officer.officer.borough.pk
    assert client.post(url, data).status_code == 302
    assert SharedResource.objects.get(title="Planted in Brent").borough.slug == "barnet"


def edit_url(pilot):
    return reverse("wagtailsnippets_pilots_pilot:edit", args=[pilot.pk])


def test_officer_cannot_let_a_pilot_into_delivery_by_posting_the_override(
    client, barnet_officer, barnet_pilot
):
    """The evaluation gate's override is a convenor's decision: an officer's posted reason
    is ignored and a pilot without an evaluation plan stays out of delivery."""
    pilot = Pilot.objects.create(
        lab=barnet_pilot.lab, borough=barnet_pilot.borough, title="New pilot", activity="x"
    )
    client.force_login(barnet_officer)
    data = form_data(client.get(edit_url(pilot))) | {
        "stage": "in_delivery",
        "evaluation_override_reason": "Approved by me",
    }
    response = client.post(edit_url(pilot), data)
    assert response.status_code == 200
    assert "without an evaluation plan" in str(response.context["form"].errors["stage"])
    pilot.refresh_from_db()
    assert (pilot.stage, pilot.evaluation_override_reason, pilot.latest_revision) == (
        "designing",
        "",
        None,
    )


def test_posted_lock_and_approval_fields_are_ignored(client, barnet_officer, barnet_pilot, lab):
    client.force_login(barnet_officer)
    data = form_data(client.get(edit_url(barnet_pilot))) | {
        "locked": "on",
        "locked_by": barnet_officer.pk,
        "live": "",
    }
    assert client.post(edit_url(barnet_pilot), data).status_code == 302
    saved = Pilot.objects.get(pk=barnet_pilot.pk)
    assert not saved.locked and saved.locked_by is None and saved.live

    data = resource_form(
        client, lab, title="Self-approved", borough=barnet_officer.officer.borough.pk,
        approved_at="2024-01-01 10:00",
    )  # fmt: skip
    assert client.post(RESOURCE_ADD, data).status_code == 302
    assert SharedResource.objects.get(title="Self-approved").approved_at is None


def test_another_boroughs_milestone_cannot_be_edited_through_own_pilot(
    client, barnet_officer, barnet_pilot, brent_pilot
):
    """Inline rows are matched to the pilot being edited: a posted id of Brent's milestone
    does not reach it."""
    brent_milestone = brent_pilot.milestones.first()
    before = (brent_milestone.pilot_id, brent_milestone.title)
    brent_revision = Pilot.objects.get(pk=brent_pilot.pk).latest_revision_id
    client.force_login(barnet_officer)
    data = form_data(client.get(edit_url(barnet_pilot))) | {
        "milestones-0-id": brent_milestone.pk,
        "milestones-0-title": "Rewritten by Barnet",
    }
    client.post(edit_url(barnet_pilot), data)
    brent_milestone.refresh_from_db()
    assert (brent_milestone.pilot_id, brent_milestone.title) == before
    assert Pilot.objects.get(pk=brent_pilot.pk).latest_revision_id == brent_revision
    for revision in Pilot.objects.get(pk=barnet_pilot.pk).revisions:
        milestones = revision.as_object().milestones.all()
        assert brent_milestone.pk not in [m.pk for m in milestones]
