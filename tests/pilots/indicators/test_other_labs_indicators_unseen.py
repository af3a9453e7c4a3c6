"""An officer sees the shared indicators of the Labs their borough takes part in, and no
other Lab's: the listing, the search, the chooser and the inspect page all agree (404,
as for another borough's work). Convenors see every Lab's."""

import pytest
from django.urls import reverse

from tests.pilots.indicators.world import indicator_make, lab_elsewhere

pytestmark = pytest.mark.django_db


@pytest.fixture
def indicators(lab):
    elsewhere = lab_elsewhere()
    return {
        "ours": indicator_make([lab], "people-reached", name="People reached"),
        "theirs": indicator_make([elsewhere], "rooms-found", name="Rooms found elsewhere"),
    }


def test_an_officer_lists_and_searches_only_their_labs_indicators(
    client, barnet_officer, indicators
):
    client.force_login(barnet_officer)
    listing = client.get(reverse("wagtailsnippets_designlab_sharedindicator:list")).content.decode()
    assert "People reached" in listing and "Rooms found elsewhere" not in listing
    url = reverse("wagtailsnippets_designlab_sharedindicator:list_results")
    assert "Rooms found" not in client.get(url, {"q": "rooms"}).content.decode()
    chooser = reverse("wagtailsnippetchoosers_designlab_sharedindicator:choose_results")
    assert "Rooms found" not in client.get(chooser, {"q": "rooms"}).content.decode()


def test_another_labs_indicator_answers_404_to_an_officer(client, barnet_officer, indicators):
    client.force_login(barnet_officer)
    for name in ("ours", "theirs"):
        pk = indicators[name].pk
        inspect = reverse("wagtailsnippets_designlab_sharedindicator:inspect", args=[pk])
        chosen = reverse("wagtailsnippetchoosers_designlab_sharedindicator:chosen", args=[pk])
        expected = 200 if name == "ours" else 404
        assert client.get(inspect).status_code == expected
        assert client.get(chosen).status_code == expected


def test_a_convenor_sees_every_labs_indicators(client, convenor, indicators):
    client.force_login(convenor)
    listing = client.get(reverse("wagtailsnippets_designlab_sharedindicator:list")).content.decode()
    assert "People reached" in listing and "Rooms found elsewhere" in listing
    pk = indicators["theirs"].pk
    inspect = reverse("wagtailsnippets_designlab_sharedindicator:inspect", args=[pk])
    assert client.get(inspect).status_code == 200
