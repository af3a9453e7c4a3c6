"""The one rule of a KPI's status against target (`KPI.status_against_target`) and of its
progress (`KPI.progress_to_target`), table by table: direction, the amber band, a period's
own target, cumulative KPIs and missing figures."""

from decimal import Decimal as D

import pytest

from pilots.models import KPI, Status

ON, RISK, OFF = Status.ON_TRACK, Status.AT_RISK, Status.OFF_TRACK
UP, DOWN = KPI.Direction.INCREASE, KPI.Direction.DECREASE


def kpi(baseline="0", target="100", direction=UP, tolerance="15", kind=KPI.Kind.PER_PERIOD):
    return KPI(
        name="Families reached",
        baseline=None if baseline is None else D(baseline),
        target=None if target is None else D(target),
        direction=direction,
        tolerance=D(tolerance),
        kind=kind,
    )


@pytest.mark.parametrize(
    ("made", "value", "period_target", "expected"),
    [
        # Higher is better, baseline 0, target 100: the amber band is 15.
        (kpi(), "100", None, ON),
        (kpi(), "120", None, ON),
        (kpi(), "85", None, RISK),  # short by exactly the band
        (kpi(), "84.99", None, OFF),
        (kpi(), "0", None, OFF),
        # Lower is better: waiting days from 40 down to 20; the band is 3 days.
        (kpi("40", "20", DOWN), "20", None, ON),
        (kpi("40", "20", DOWN), "12", None, ON),
        (kpi("40", "20", DOWN), "23", None, RISK),
        (kpi("40", "20", DOWN), "23.01", None, OFF),
        # The tolerance is the KPI's own: 5 % makes a narrower band, 0 % none.
        (kpi(tolerance="5"), "95", None, RISK),
        (kpi(tolerance="5"), "94", None, OFF),
        (kpi(tolerance="0"), "99.99", None, OFF),
        # A period's own target (the trajectory) replaces the KPI's target; the band stays
        # 15 % of the whole distance from baseline to the KPI's target.
        (kpi(), "40", "40", ON),
        (kpi(), "30", "40", RISK),
        (kpi(), "20", "40", OFF),
        (kpi("40", "20", DOWN), "33", "35", ON),
        (kpi("40", "20", DOWN), "37", "35", RISK),
        # Cumulative: the value to date against the target to date.
        (kpi(kind=KPI.Kind.CUMULATIVE), "60", "50", ON),
        (kpi(kind=KPI.Kind.CUMULATIVE), "45", "50", RISK),
        # Only a trajectory, no overall target: the band comes from the period's target.
        (kpi(target=None), "34", "40", RISK),
        (kpi(target=None), "33", "40", OFF),
        # Nothing to judge by: no status.
        (kpi(baseline=None), "100", None, None),
        (kpi(baseline=None), "100", "100", None),
        (kpi(target=None), "100", None, None),
        (kpi(), None, None, None),
    ],
)
def test_status_against_target(made, value, period_target, expected):
    value = None if value is None else D(value)
    period_target = None if period_target is None else D(period_target)
    assert made.status_against_target(value, period_target=period_target) == expected


def test_every_status_is_a_word_with_a_symbol():
    shown = {status: status.shown for status in Status}
    assert shown == {ON: "✓ On track", RISK: "! At risk", OFF: "✗ Off track"}


@pytest.mark.parametrize(
    ("kind", "value", "period_target", "expected"),
    [
        # Per period: the period's own target where the trajectory sets one.
        (KPI.Kind.PER_PERIOD, "20", None, 20),
        (KPI.Kind.PER_PERIOD, "20", "40", 50),
        (KPI.Kind.PER_PERIOD, "60", "40", 100),  # clamped as ever
        # Cumulative: the total to date runs to the KPI's overall target.
        (KPI.Kind.CUMULATIVE, "20", "40", 20),
        (KPI.Kind.CUMULATIVE, "140", "40", 100),
        (KPI.Kind.PER_PERIOD, "20", "0", None),  # a period target at the baseline: no share
    ],
)
def test_progress_follows_the_kind_of_kpi(kind, value, period_target, expected):
    made = kpi(kind=kind)
    period_target = None if period_target is None else D(period_target)
    assert made.progress_to_target(D(value), period_target=period_target) == expected


def test_progress_expression_agrees_with_the_python_rule(barnet_pilot):
    """The dashboard's average reads progress in SQL: it picks the same target."""
    import datetime as dt

    from pilots.models import KPIReading, KPITarget

    start = dt.date(2023, 7, 1)
    made = {}
    for kind in KPI.Kind:
        made[kind] = KPI.objects.create(pilot=barnet_pilot, name=kind, baseline=D(0),
                                        target=D(100), kind=kind)  # fmt: skip
        KPIReading.objects.create(kpi=made[kind], period_start=start, value=D(20))
        KPITarget.objects.create(pilot=barnet_pilot, kpi=made[kind], period_start=start,
                                 target=D(40))  # fmt: skip
    rows = (
        KPI.objects.filter(pk__in=[k.pk for k in made.values()])
        .with_latest_reading()
        .annotate(progress=KPI.progress_expression("latest_value", "latest_target"))
    )
    for row in rows:
        python = row.progress_to_target(row.latest_value, period_target=row.latest_target)
        assert KPI.percent_shown(row.progress) == python
    assert {row.kind: KPI.percent_shown(row.progress) for row in rows} == {
        KPI.Kind.PER_PERIOD: 50,
        KPI.Kind.CUMULATIVE: 20,
    }
