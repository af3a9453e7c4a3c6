"""Listings, their search, and choosers show an officer only their own borough's pilots;
shared resources of every borough in the officer's Lab, editable only when their own."""

from django.urls import reverse

from pilots.models import SharedResource


def shown(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    return response.content.decode()


def test_pilot_listing_and_search(client, barnet_officer, barnet_pilot, brent_pilot):
    client.force_login(barnet_officer)
    listing = reverse("wagtailsnippets_pilots_pilot:list")
    page = shown(client, listing)
    assert barnet_pilot.title in page and brent_pilot.title not in page
    page = shown(client, reverse("wagtailsnippets_pilots_pilot:list_results"), q="Welcome")
    assert brent_pilot.title not in page  # Brent's "Welcome Pack" is not found


def test_pilot_chooser_and_its_search(client, barnet_officer, barnet_pilot, brent_pilot):
    client.force_login(barnet_officer)
    chooser = reverse("wagtailsnippetchoosers_pilots_pilot:choose")
    page = shown(client, chooser)
    assert barnet_pilot.title in page and brent_pilot.title not in page
    results = reverse("wagtailsnippetchoosers_pilots_pilot:choose_results")
    assert brent_pilot.title not in shown(client, results, q="Welcome")
    chosen = reverse("wagtailsnippetchoosers_pilots_pilot:chosen", args=[brent_pilot.pk])
    assert client.get(chosen).status_code == 404
    several = reverse("wagtailsnippetchoosers_pilots_pilot:chosen_multiple")
    page = shown(client, several, id=[barnet_pilot.pk, brent_pilot.pk])
    assert barnet_pilot.title in page and brent_pilot.title not in page


def test_convenor_sees_every_borough(client, convenor, barnet_pilot, brent_pilot):
    client.force_login(convenor)
    page = shown(client, reverse("wagtailsnippetchoosers_pilots_pilot:choose"))
    assert barnet_pilot.title in page and brent_pilot.title in page


def test_shared_resources_read_across_the_lab_changed_only_by_owner(
    client, lab, barnet_officer, brent_pilot
):
    theirs = SharedResource.objects.create(
        lab=lab, borough=brent_pilot.borough, title="Brent welcome pack", kind="welcome_pack"
    )
    client.force_login(barnet_officer)
    page = shown(client, reverse("wagtailsnippets_pilots_sharedresource:list"))
    assert "Brent welcome pack" in page
    assert reverse("wagtailsnippets_pilots_sharedresource:edit", args=[theirs.pk]) not in page
    inspect = reverse("wagtailsnippets_pilots_sharedresource:inspect", args=[theirs.pk])
    assert client.get(inspect).status_code == 200
    edit = reverse("wagtailsnippets_pilots_sharedresource:edit", args=[theirs.pk])
    assert client.get(edit).status_code == 404


def test_resources_of_a_lab_the_borough_is_not_in_are_hidden(client, barnet_officer):
    from designlab.models import Borough, Lab

    other_lab = Lab.objects.create(
        name="Another Lab", slug="another", convenor="GLA",
        starts_on="2025-01-01", ends_on="2025-06-30",
    )  # fmt: skip
    camden, _ = Borough.objects.get_or_create(
        slug="camden-test", defaults={"name": "Camden (test)", "gss_code": "E0900X007"}
    )
    SharedResource.objects.create(
        lab=other_lab, borough=camden, title="Not for Barnet", kind="report"
    )
    client.force_login(barnet_officer)
    page = shown(client, reverse("wagtailsnippetchoosers_pilots_sharedresource:choose"))
    assert "Not for Barnet" not in page
