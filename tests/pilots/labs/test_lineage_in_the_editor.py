"""An officer records, in the pilot editor, the pilot theirs was adapted from and what
changed. The choice lists every published pilot of every borough and Lab (public anyway)
and the officer's own borough's pilots; never another borough's draft, never the pilot
itself. The link goes to the GLA with the rest of the pilot and is public once approved."""

from bs4 import BeautifulSoup
from django.urls import reverse

from designlab.models import Borough
from pilots.models import Pilot
from tests.pilots.access.access_matrix_world import form_data


def _edit_url(pilot: Pilot) -> str:
    return reverse("wagtailsnippets_pilots_pilot:edit", args=[pilot.pk])


def _offered(response) -> dict[str, str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return {o["value"]: o.text for o in soup.select("select[name=adapted_from] option")}


def _hamlets_draft(lab) -> Pilot:
    draft = Pilot(lab=lab, borough=Borough.objects.get(slug="tower-hamlets"),
                  title="Hamlets unpublished idea", activity="x", live=False)  # fmt: skip
    draft.save()
    return draft


def test_the_choice_offers_published_pilots_of_every_borough_but_no_other_drafts(
    client, barnet_officer, barnet_pilot, brent_pilot, lab
):
    draft = _hamlets_draft(lab)
    own_draft = Pilot(lab=lab, borough=barnet_pilot.borough, title="Barnet idea", activity="x",
                      live=False)  # fmt: skip
    own_draft.save()
    client.force_login(barnet_officer)

    offered = _offered(client.get(_edit_url(barnet_pilot)))

    assert offered[str(brent_pilot.pk)] == f"Brent: {brent_pilot.title} (2023 Lab)"
    assert str(own_draft.pk) in offered
    assert str(draft.pk) not in offered and "Hamlets unpublished idea" not in offered.values()
    assert str(barnet_pilot.pk) not in offered  # never itself
    published = set(
        Pilot.objects.published().exclude(pk=barnet_pilot.pk).values_list("pk", flat=True)
    )
    assert {str(pk) for pk in published} <= set(offered)


def test_an_officer_records_the_source_and_the_convenor_publishes_it(
    csrf_client, barnet_officer, convenor, barnet_pilot, brent_pilot
):
    url = _edit_url(barnet_pilot)
    csrf_client.force_login(barnet_officer)
    data = form_data(csrf_client.get(url)) | {
        "adapted_from": str(brent_pilot.pk),
        "adaptation_note": "Run by volunteers rather than council staff.",
    }
    assert csrf_client.post(url, data).status_code == 302

    barnet_pilot.refresh_from_db()
    assert barnet_pilot.adapted_from is None  # a draft until the GLA approves it
    draft = barnet_pilot.latest_revision.as_object()
    assert draft.adapted_from == brent_pilot
    assert draft.adaptation_note == "Run by volunteers rather than council staff."

    csrf_client.force_login(convenor)
    published = form_data(csrf_client.get(url)) | {"action-publish": "action-publish"}
    assert csrf_client.post(url, published).status_code == 302
    barnet_pilot.refresh_from_db()
    assert barnet_pilot.adapted_from == brent_pilot
    assert list(brent_pilot.adaptations.all()) == [barnet_pilot]


def test_the_same_post_without_the_pages_token_is_refused(
    csrf_client, barnet_officer, barnet_pilot, brent_pilot
):
    url = _edit_url(barnet_pilot)
    csrf_client.force_login(barnet_officer)
    data = form_data(csrf_client.get(url)) | {"adapted_from": str(brent_pilot.pk)}
    data.pop("csrfmiddlewaretoken")
    assert csrf_client.post(url, data).status_code == 403
    assert (
        barnet_pilot.latest_revision is None
        or barnet_pilot.latest_revision.as_object().adapted_from is None
    )


def test_another_boroughs_draft_cannot_be_chosen(csrf_client, barnet_officer, barnet_pilot, lab):
    draft = _hamlets_draft(lab)
    url = _edit_url(barnet_pilot)
    csrf_client.force_login(barnet_officer)
    revisions = barnet_pilot.revisions.count()
    response = csrf_client.post(
        url, form_data(csrf_client.get(url)) | {"adapted_from": str(draft.pk)}
    )

    assert response.status_code == 200
    assert "adapted_from" in response.context["form"].errors
    assert "Hamlets unpublished idea" not in response.content.decode()
    assert barnet_pilot.revisions.count() == revisions


def test_a_pilot_is_not_adapted_from_itself_nor_in_a_circle(barnet_pilot, brent_pilot):
    barnet_pilot.adapted_from = barnet_pilot
    assert barnet_pilot.adapted_from_problem() == "A pilot cannot be adapted from itself."
    brent_pilot.adapted_from = barnet_pilot
    brent_pilot.save()
    barnet_pilot.adapted_from = brent_pilot
    assert "was itself adapted from this pilot" in barnet_pilot.adapted_from_problem()
    barnet_pilot.adapted_from = None
    assert barnet_pilot.adapted_from_problem() is None
