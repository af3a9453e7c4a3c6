"""Which pilots owe which check-in, and when: each of its Lab's months after the Lab ends
(6, 12 and 24 unless the Lab says otherwise), until it is submitted; a pilot approved as
stopped owes no later ones."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from designlab.models import Lab
from designlab.models.labs import months_after
from pilots.followups.due import follow_ups_due
from pilots.models import FollowUp, Pilot
from tests.pilots.followups.helpers import answered

ENDED = dt.date(2023, 9, 30)  # the 2023 Lab's end


def owed(today: dt.date, borough=None) -> set[tuple[str, int]]:
    return {(d.pilot.borough.slug, d.months_after) for d in follow_ups_due(today, borough)}


def test_the_lab_ends_and_check_ins_fall_due_at_6_12_and_24_months(lab, barnet_pilot):
    assert lab.ends_on == ENDED and lab.follow_up_months == [6, 12, 24]
    assert owed(dt.date(2024, 3, 29), barnet_pilot.borough) == set()
    assert owed(dt.date(2024, 3, 30), barnet_pilot.borough) == {("barnet", 6)}
    assert owed(dt.date(2024, 9, 30), barnet_pilot.borough) == {("barnet", 6), ("barnet", 12)}
    assert owed(dt.date(2025, 9, 30), barnet_pilot.borough) == {
        ("barnet", 6), ("barnet", 12), ("barnet", 24)
    }  # fmt: skip
    [due] = follow_ups_due(dt.date(2024, 4, 1), barnet_pilot.borough)
    assert (due.pilot, due.due_on, due.follow_up) == (barnet_pilot, dt.date(2024, 3, 30), None)


def test_every_published_pilot_of_the_lab_owes_them(lab):
    due = follow_ups_due(dt.date(2024, 4, 1))
    assert {d.pilot.pk for d in due} == set(
        Pilot.objects.published().filter(lab=lab).values_list("pk", flat=True)
    )
    assert {d.months_after for d in due} == {6}


def test_months_are_set_per_lab(lab, barnet_pilot):
    Lab.objects.filter(pk=lab.pk).update(follow_up_months=[3, 18])
    assert owed(dt.date(2023, 12, 31), barnet_pilot.borough) == {("barnet", 3)}
    assert owed(dt.date(2025, 3, 31), barnet_pilot.borough) == {("barnet", 3), ("barnet", 18)}
    Lab.objects.filter(pk=lab.pk).update(follow_up_months=[])
    assert owed(dt.date(2030, 1, 1), barnet_pilot.borough) == set()


def test_a_submitted_or_approved_check_in_is_no_longer_due(barnet_pilot):
    today = dt.date(2024, 10, 1)
    answered(barnet_pilot, 6, FollowUp.Status.APPROVED)
    answered(barnet_pilot, 12, FollowUp.Status.SUBMITTED)
    assert owed(today, barnet_pilot.borough) == set()


def test_a_draft_or_returned_check_in_is_still_due(barnet_pilot):
    draft = answered(barnet_pilot, 6, FollowUp.Status.DRAFT)
    returned = answered(barnet_pilot, 12, FollowUp.Status.RETURNED)
    due = follow_ups_due(dt.date(2024, 10, 1), barnet_pilot.borough)
    assert [d.follow_up for d in due] == [draft, returned]


def test_a_pilot_approved_as_stopped_owes_no_later_check_in(barnet_pilot):
    answered(barnet_pilot, 6, FollowUp.Status.APPROVED, still_running="no")
    assert owed(dt.date(2026, 1, 1), barnet_pilot.borough) == set()


def test_an_unpublished_pilot_owes_nothing(lab, barnet_pilot):
    Pilot.objects.create(lab=lab, borough=barnet_pilot.borough, title="Never sent",
                         activity="A draft.", live=False)  # fmt: skip
    assert {d.pilot.title for d in follow_ups_due(dt.date(2026, 1, 1))} == set(
        Pilot.objects.published().values_list("title", flat=True)
    )


def test_due_dates_fall_on_the_last_day_of_a_shorter_month():
    assert months_after(dt.date(2023, 8, 31), 6) == dt.date(2024, 2, 29)
    assert months_after(dt.date(2023, 9, 30), 12) == dt.date(2024, 9, 30)
    assert months_after(dt.date(2023, 12, 31), 24) == dt.date(2025, 12, 31)


@pytest.mark.parametrize(
    "months", [[6, 6], [0, 12], [-6], ["6"], [6.5], [True], "6, 12", {"months": 6}]
)
def test_the_labs_months_must_be_whole_numbers_once_each(lab, months):
    lab.follow_up_months = months
    with pytest.raises(ValidationError, match="whole numbers"):
        lab.full_clean()


def test_the_labs_months_may_be_any_whole_numbers(lab):
    for months in ([3, 9, 36], []):
        lab.follow_up_months = months
        lab.full_clean()
