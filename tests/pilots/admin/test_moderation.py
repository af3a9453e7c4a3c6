"""Moderation: an officer submits a pilot for approval and cannot publish it; a convenor
approves; only then do the published records (Pilot rows with live=True) change."""

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from wagtail.models import ModelLogEntry

from pilots.models import Pilot
from tests.pilots.access.access_matrix_world import form_data


def edit_url(pilot):
    return reverse("wagtailsnippets_pilots_pilot:edit", args=[pilot.pk])


def published_title(pilot) -> str:
    return Pilot.objects.filter(live=True).get(pk=pilot.pk).title


def test_officer_submits_convenor_approves(client, barnet_officer, convenor, barnet_pilot):
    original = published_title(barnet_pilot)
    client.force_login(barnet_officer)
    data = form_data(client.get(edit_url(barnet_pilot))) | {
        "title": "Volunteering service, second year",
        "action-submit": "Submit for moderation",
    }
    assert client.post(edit_url(barnet_pilot), data).status_code == 302

    # Submitted, not published: the public and the reports still read the old title.
    barnet_pilot.refresh_from_db()
    assert barnet_pilot.workflow_in_progress
    assert published_title(barnet_pilot) == original
    assert Pilot.objects.filter(title="Volunteering service, second year").count() == 0

    # The officer cannot publish it themselves, nor unpublish it.
    client.post(edit_url(barnet_pilot), data | {"action-publish": "Publish"})
    assert published_title(barnet_pilot) == original
    unpublish = reverse("wagtailsnippets_pilots_pilot:unpublish", args=[barnet_pilot.pk])
    client.post(unpublish)
    assert Pilot.objects.get(pk=barnet_pilot.pk).live

    # The convenor approves: now the published record shows the change.
    client.force_login(convenor)
    task_state = barnet_pilot.current_workflow_task_state
    approve = reverse(
        "wagtailsnippets_pilots_pilot:workflow_action",
        args=[barnet_pilot.pk, "approve", task_state.pk],
    )
    assert client.post(approve, {"comment": "Good"}).status_code in (200, 302)
    assert published_title(barnet_pilot) == "Volunteering service, second year"

    actions = set(
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Pilot),
            object_id=str(barnet_pilot.pk),
        ).values_list("action", flat=True)
    )
    assert {"wagtail.edit", "wagtail.workflow.start", "wagtail.publish"} <= actions


def test_draft_change_is_not_in_published_rows(client, barnet_officer, barnet_pilot):
    client.force_login(barnet_officer)
    data = form_data(client.get(edit_url(barnet_pilot))) | {"title": "A draft title"}
    assert client.post(edit_url(barnet_pilot), data).status_code == 302
    barnet_pilot.refresh_from_db()
    assert barnet_pilot.has_unpublished_changes
    assert barnet_pilot.latest_revision.as_object().title == "A draft title"
    assert not Pilot.objects.filter(live=True, title="A draft title").exists()


def test_officers_change_to_an_approved_public_resource_needs_approval_again(
    client, barnet_officer, convenor, lab
):
    """An approval covers what the convenor saw: a later edit by the officer (say, a new
    link) leaves the public site until a convenor approves it again."""
    from django.utils import timezone

    from pilots.models import SharedResource

    resource = SharedResource.objects.create(
        lab=lab, borough=barnet_officer.officer.borough, title="Welcome pack", kind="welcome_pack",
        url="https://barnet.example/pack", visibility="public", approved_at=timezone.now(),
    )  # fmt: skip
    url = reverse("wagtailsnippets_pilots_sharedresource:edit", args=[resource.pk])
    client.force_login(convenor)
    data = form_data(client.get(url)) | {"description": "Tidied by the convenor"}
    assert client.post(url, data).status_code == 302
    assert SharedResource.objects.get(pk=resource.pk).is_public

    client.force_login(barnet_officer)
    data = form_data(client.get(url)) | {"url": "https://elsewhere.example/"}
    assert client.post(url, data).status_code == 302
    resource.refresh_from_db()
    assert resource.url == "https://elsewhere.example/" and not resource.is_public
    assert resource in SharedResource.objects.awaiting_review()

    client.force_login(convenor)
    client.post(reverse("pilots_resource_approve", args=[resource.pk]))
    assert SharedResource.objects.get(pk=resource.pk).is_public
