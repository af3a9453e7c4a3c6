"""A resource another borough has reused is never deleted, by its owner or a convenor: the
reuse is a peer exchange the Lab's outcomes count. A convenor withdraws it instead: the
other boroughs and the public no longer see it, its owner still does, and the reuse still
counts. The convenor can offer it again (back on the public site only once re-approved).

Every POST carries the page's CSRF token."""

import pytest
from django.db.models import ProtectedError
from django.urls import reverse
from django.utils import timezone

from designlab.models import Measure
from pilots.models import ResourceReuse, SharedResource
from pilots.outcomes.ratings import lab_outcomes
from tests.pilots.access.access_matrix_world import form_data
from tests.pilots.conftest import csrf_token
from tests.refusals import refused

RESOURCES = "wagtailsnippets_pilots_sharedresource:"


@pytest.fixture
def reused(barnet_pilot, brent_pilot) -> SharedResource:
    """Barnet's public, approved resource, reused by Brent."""
    resource = SharedResource.objects.create(
        lab=barnet_pilot.lab, borough=barnet_pilot.borough, title="Volunteer induction pack",
        kind=SharedResource.Kind.TRAINING, url="https://example.org/induction",
        visibility=SharedResource.Visibility.PUBLIC, approved_at=timezone.now(),
    )  # fmt: skip
    ResourceReuse.objects.create(resource=resource, borough=brent_pilot.borough)
    return resource


def exchanges(lab) -> int:
    measures = [m for outcome in lab_outcomes(lab) for m in outcome.measures]
    return next(m for m in measures if m.key == Measure.RESOURCES_EXCHANGED).count


def test_nobody_deletes_a_reused_resource(csrf_client, barnet_officer, convenor, reused):
    delete = reverse(RESOURCES + "delete", args=[reused.pk])
    for user in (barnet_officer, convenor):
        csrf_client.force_login(user)
        response = csrf_client.get(delete)
        assert refused(response)
        assert refused(csrf_client.post(delete, {"csrfmiddlewaretoken": csrf_token(csrf_client)}))
        assert SharedResource.objects.filter(pk=reused.pk).exists()
        assert reused.reuses.count() == 1
    message = csrf_client.get(response["Location"]).content.decode()
    assert "has been reused by another borough, so it is kept" in message
    with pytest.raises(ProtectedError):
        reused.delete()


def test_bulk_delete_keeps_a_reused_resource(csrf_client, barnet_officer, reused, lab):
    spare = SharedResource.objects.create(
        lab=lab, borough=reused.borough, title="Unused draft", kind=SharedResource.Kind.REPORT
    )
    url = reverse("wagtail_bulk_action", args=["pilots", "sharedresource", "delete"])
    url += f"?id={reused.pk}&id={spare.pk}"
    csrf_client.force_login(barnet_officer)
    csrf_client.post(url, form_data(csrf_client.get(url)))
    assert SharedResource.objects.filter(pk=reused.pk).exists()
    assert not SharedResource.objects.filter(pk=spare.pk).exists()


def test_convenor_withdraws_then_offers_again(
    client, csrf_client, convenor, barnet_officer, brent_officer, reused, lab
):
    counted = exchanges(lab)
    withdraw = reverse("pilots_resource_withdraw", args=[reused.pk])
    inspect = reverse(RESOURCES + "inspect", args=[reused.pk])
    csrf_client.force_login(convenor)
    page = csrf_client.get(withdraw)
    assert "Withdraw this resource from the other boroughs" in page.content.decode()
    csrf_client.post(withdraw, form_data(page))
    reused.refresh_from_db()
    assert reused.withdrawn_at is not None and reused.approved_at is None

    assert reused.title not in client.get("/toolkit/resources/").content.decode()
    client.force_login(brent_officer)
    assert client.get(inspect).status_code == 404
    for listing in (RESOURCES + "list", "wagtailsnippetchoosers_pilots_sharedresource:choose"):
        assert reused.title not in client.get(reverse(listing)).content.decode()
    client.force_login(barnet_officer)
    assert client.get(inspect).status_code == 200  # the owner still sees it
    assert exchanges(lab) == counted  # and Brent's reuse still counts

    page = csrf_client.get(withdraw)
    csrf_client.post(withdraw, form_data(page))
    reused.refresh_from_db()
    assert reused.withdrawn_at is None and not reused.is_public  # approval is not restored
    client.force_login(brent_officer)
    assert client.get(inspect).status_code == 200


def test_officers_cannot_withdraw(csrf_client, barnet_officer, reused):
    csrf_client.force_login(barnet_officer)
    withdraw = reverse("pilots_resource_withdraw", args=[reused.pk])
    assert refused(csrf_client.get(withdraw))
    reused.refresh_from_db()
    assert reused.withdrawn_at is None
