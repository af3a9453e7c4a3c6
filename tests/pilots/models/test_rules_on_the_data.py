"""Each rule about the tracker's records is defined once, on the data it is about, and
pinned here once: what counts as published, when a milestone is late or overdue, how far a
KPI has come to its target (in Python and in SQL alike), which KPIs count people (so public
pages hide their small figures), and which pilots may be in delivery. Every page, report,
export and email uses these."""

import datetime as dt
from decimal import Decimal

import pytest

from pilots.models import KPI, Evaluation, KPIReading, Milestone, Pilot, Stage

TODAY = dt.date(2023, 11, 1)


def test_published_pilots_are_the_live_ones_and_their_rows_follow(barnet_pilot):
    assert barnet_pilot in Pilot.objects.published()
    kpi = barnet_pilot.kpis.first()
    assert kpi in KPI.objects.published()
    assert set(KPIReading.objects.published().filter(kpi=kpi)) == set(kpi.readings.all())

    barnet_pilot.unpublish()

    assert barnet_pilot not in Pilot.objects.published()
    assert kpi not in KPI.objects.published()
    assert not KPIReading.objects.published().filter(kpi=kpi).exists()
    assert not Evaluation.objects.published().filter(pilot=barnet_pilot).exists()


@pytest.mark.parametrize(
    "due_on, done_on, late, overdue",
    [
        (dt.date(2023, 10, 1), None, True, True),  # open past its date
        (dt.date(2023, 10, 1), dt.date(2023, 10, 9), True, False),  # done, but late
        (dt.date(2023, 10, 1), dt.date(2023, 9, 30), False, False),  # done on time
        (dt.date(2023, 12, 1), None, False, False),  # not due yet
        (TODAY, None, False, False),  # due today is not late yet
    ],
)
def test_a_milestone_is_late_when_it_slipped_and_overdue_while_still_open(
    barnet_pilot, due_on, done_on, late, overdue
):
    milestone = Milestone.objects.create(
        pilot=barnet_pilot, title="Checked", due_on=due_on, done_on=done_on
    )
    assert (milestone in Milestone.objects.late(TODAY)) is late
    assert (milestone in Milestone.objects.overdue(TODAY)) is overdue
    counted = Pilot.objects.with_late_milestones(TODAY).get(pk=barnet_pilot.pk)
    before = Milestone.objects.late(TODAY).filter(pilot=barnet_pilot).exclude(pk=milestone.pk)
    assert counted.late_milestones == before.count() + late


def test_the_pilots_furthest_behind_are_those_with_the_most_late_milestones(db):
    # The dashboard lists these; counted in one grouped pass, they must agree with
    # `with_late_milestones` ranked over every pilot: most late first, then the longest
    # unchanged, pilots without a late milestone never.
    pilots = list(Pilot.objects.published())
    for i, pilot in enumerate(pilots):
        for n in range(i % 4):
            Milestone.objects.create(pilot=pilot, title=f"Slipped {n}", due_on=TODAY.replace(
                year=2022), done_on=None if n % 2 else TODAY)  # fmt: skip
    ranked = [
        p.pk
        for p in Pilot.objects.published()
        .with_late_milestones(TODAY)
        .filter(late_milestones__gt=0)
        .order_by("-late_milestones", "updated_at", "pk")
    ]

    shown = list(Pilot.objects.published().furthest_behind(TODAY, 3))

    assert [p.pk for p in shown] == ranked[:3]
    assert shown[0].late_milestones >= shown[-1].late_milestones > 0
    assert all(p.overdue_milestones <= p.late_milestones for p in shown)
    everyone = Pilot.objects.published().furthest_behind(TODAY, len(pilots))
    assert [p.pk for p in everyone] == ranked


@pytest.mark.parametrize(
    "baseline, target, value, progress",
    [
        (0, 80, 0, 0),
        (0, 80, 40, 50),
        (0, 80, 54, 68),  # 67.5 rounds half up, on every page
        (0, 80, 120, 100),  # beyond the target counts as reached
        (10, 50, 5, 0),  # behind the baseline counts as none
        (100, 40, 70, 50),  # lower is better: from 100 down to 40
        (0, 0, 5, None),  # no distance to cover
        (None, 80, 40, None),
    ],
)
def test_progress_to_target_is_one_rule_in_python_and_in_sql(
    barnet_pilot, baseline, target, value, progress
):
    kpi = KPI.objects.create(
        pilot=barnet_pilot, name="Rule", sort_order=99,
        baseline=None if baseline is None else Decimal(baseline), target=Decimal(target),
    )  # fmt: skip
    assert kpi.progress_to_target(Decimal(value)) == progress
    assert kpi.progress_to_target(None) is None

    in_sql = (
        KPI.objects.filter(pk=kpi.pk)
        .annotate(reading=_value(value))
        .annotate(progress=KPI.progress_expression("reading"))
        .values_list("progress", flat=True)
        .get()
    )
    if progress is None:
        assert in_sql is None
    else:
        assert KPI.percent_shown(in_sql) == progress


def _value(value):
    from django.db.models import DecimalField, Value

    return Value(Decimal(value), output_field=DecimalField(max_digits=14, decimal_places=2))


def test_only_a_recorded_plan_lets_a_pilot_into_delivery(brent_pilot):
    pilot = Pilot.objects.get(pk=brent_pilot.pk)
    pilot.stage = Stage.DESIGNING
    pilot.save()
    pilot.stage = Stage.IN_DELIVERY
    assert pilot.evaluation_gate_problem([Evaluation(method="survey", measures="  ")])
    assert pilot.evaluation_gate_problem([]) is not None
    assert pilot.evaluation_gate_problem([Evaluation(method="survey", measures="Take-up")]) is None
    pilot.evaluation_override_reason = "Agreed with the GLA"
    assert pilot.evaluation_gate_problem([]) is None


@pytest.mark.parametrize(
    "unit, counts_people",
    [("count", True), ("percent", False), ("gbp", False), ("hours", False), ("score", False)],
)
def test_every_kpi_measured_as_a_count_is_taken_to_count_people(unit, counts_people):
    # A KPI's name is free text: "Focus groups held" cannot be told from "Hotel staff trained".
    assert KPI(unit=unit).counts_people is counts_people
