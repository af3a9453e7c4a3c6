"""A case study shows how its pilot stood at its latest approved follow-up check-in, in
one sentence with the answers beside it; a check-in waiting for review, returned or a
draft never shows."""

import pytest

from pilots.followups.review import follow_ups_approve
from pilots.models import FollowUp
from tests.pilots.followups.helpers import answered

pytestmark = pytest.mark.django_db
APPROVED = FollowUp.Status.APPROVED


def page(client, case_study) -> str:
    response = client.get(case_study.url)
    assert response.status_code == 200
    return response.content.decode()


def test_latest_approved_check_in_is_shown(client, case_study, barnet_pilot):
    answered(barnet_pilot, 6, APPROVED, funded_by="a charitable trust grant")
    answered(barnet_pilot, 12, APPROVED)
    answered(barnet_pilot, 24)  # waiting for review
    html = page(client, case_study)
    assert "Since the Lab" in html
    # Due 30 September 2024 (the Lab ended 30 September 2023), answered ten days later.
    assert (
        "Still running 12 months after the Lab (checked October 2024): funded by the "
        "council&#x27;s core budget." in html
    )
    assert "24 months after the Lab" not in html
    assert "charitable trust" not in html  # an earlier check-in


def test_a_stopped_pilot_says_so(client, case_study, barnet_pilot):
    answered(barnet_pilot, 6, APPROVED, still_running="no", funded_by="")
    assert "No longer running 6 months after the Lab" in page(client, case_study)


def test_nothing_shown_without_an_approved_check_in(client, case_study, barnet_pilot):
    for months, status in ((6, "draft"), (12, "submitted"), (24, "returned")):
        answered(barnet_pilot, months, status)
    html = page(client, case_study)
    assert "Since the Lab" not in html and "months after the Lab" not in html


def test_approval_reaches_a_cached_page(client, case_study, barnet_pilot, convenor):
    waiting = answered(barnet_pilot, 12)
    assert "Since the Lab" not in page(client, case_study)  # now cached
    follow_ups_approve(FollowUp.objects.filter(pk=waiting.pk), user=convenor)
    assert "Still running 12 months after the Lab" in page(client, case_study)


def test_an_illustrative_check_in_is_marked(client, case_study, barnet_pilot):
    follow_up = answered(barnet_pilot, 6, APPROVED)
    FollowUp.objects.filter(pk=follow_up.pk).update(provenance="illustrative")
    assert "(illustrative)" in page(client, case_study)
