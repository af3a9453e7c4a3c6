"""The officer's home page, the check-in form and "Check-ins to review" cost the same
number of queries when there are ten times as many pilots and check-ins."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pilots.models import FollowUp, Pilot
from tests.pilots.followups.helpers import answered

SIZES = (2, 20)


def grow_to(n: int, lab, borough) -> None:
    """`n` extra published pilots of `borough`, each with a submitted 6-month check-in and
    its 12- and 24-month ones due."""
    start = Pilot.objects.filter(title__startswith="Extra pilot").count()
    for i in range(start, n):
        pilot = Pilot.objects.create(lab=lab, borough=borough, title=f"Extra pilot {i}",
                                     activity="More work.", live=True)  # fmt: skip
        answered(pilot, 6)


def queries(client, url: str) -> int:
    client.get(url)  # warm the session and content types
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


@pytest.mark.parametrize("who", ["barnet_officer", "convenor"])
def test_home_page(client, request, lab, barnet_pilot, who):
    client.force_login(request.getfixturevalue(who))
    found = []
    for n in SIZES:
        grow_to(n, lab, barnet_pilot.borough)
        found.append(queries(client, reverse("wagtailadmin_home")))
    assert found[0] == found[1]


def test_check_in_form(client, barnet_officer, lab, barnet_pilot):
    client.force_login(barnet_officer)
    answered(barnet_pilot, 12, FollowUp.Status.RETURNED)
    url = reverse("pilots_follow_up", args=[barnet_pilot.pk, 12])
    found = []
    for n in SIZES:
        grow_to(n, lab, barnet_pilot.borough)
        found.append(queries(client, url))
    assert found[0] == found[1]


def test_check_ins_to_review(client, convenor, lab, barnet_pilot):
    client.force_login(convenor)
    found = []
    for n in SIZES:
        grow_to(n, lab, barnet_pilot.borough)
        found.append(queries(client, reverse("pilots_follow_ups_review")))
    assert FollowUp.objects.to_review().count() == SIZES[1]
    assert found[0] == found[1]
