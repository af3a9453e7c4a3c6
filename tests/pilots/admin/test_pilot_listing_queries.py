"""The pilot listing runs the same number of queries for 10 pilots as for 100 (a full
page of rows), for a convenor (every borough) and for an officer (their borough only)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pilots.models import Pilot

LISTING = reverse("wagtailsnippets_pilots_pilot:list")


def pilots_add(borough, lab, count):
    Pilot.objects.bulk_create(
        Pilot(lab=lab, borough=borough, title=f"Extra pilot {i:03}", activity="Extra")
        for i in range(count)
    )


def listing_queries(client, user) -> int:
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(LISTING)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("who", ["convenor", "barnet_officer"])
def test_listing_query_count_does_not_grow_with_pilots(client, request, lab, barnet_pilot, who):
    user = request.getfixturevalue(who)
    pilots_add(barnet_pilot.borough, lab, 10 - 1)
    client.get(LISTING)  # warm per-process caches (content types, site)
    with_10 = listing_queries(client, user)
    pilots_add(barnet_pilot.borough, lab, 90)
    with_100 = listing_queries(client, user)
    assert with_10 == with_100
    listed = client.get(LISTING).context["items_count"]
    assert listed == (100 if who == "barnet_officer" else Pilot.objects.count())
