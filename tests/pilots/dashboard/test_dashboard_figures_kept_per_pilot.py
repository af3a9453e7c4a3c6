"""Each pilot's dashboard figures are kept in a row computed again when the pilot or its
readings change (publish, readings imported, approved or returned, unpublish): after each,
the kept rows equal a fresh computation, and the dashboard's figures by borough equal a
count made straight from the records."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from pilots.dashboard.figures import pilot_figures_compute
from pilots.models import KPI, KPIReading, Milestone, Pilot, PilotFigures, Stage

FIELDS = [f.name for f in PilotFigures._meta.concrete_fields if not f.primary_key]


def _kept_equal_fresh() -> None:
    kept = {row.pilot_id: row for row in PilotFigures.objects.all()}
    fresh = pilot_figures_compute(Pilot.objects.values_list("pk", flat=True))
    assert kept.keys() == {row.pilot_id for row in fresh}
    for row in fresh:
        for name in FIELDS:
            expected, found = getattr(row, name), getattr(kept[row.pilot_id], name)
            assert found == pytest.approx(expected), (row.pilot_id, name)


def _counted_straight(lab, today: dt.date) -> dict[str, tuple]:
    """(pilots, with a late milestone, KPIs, KPIs reported, readings waiting) by borough."""
    found = {}
    for pilot in Pilot.objects.published().filter(lab=lab).select_related("borough"):
        kpis = KPI.objects.filter(pilot=pilot)
        counts = (
            1,
            int(Milestone.objects.filter(pilot=pilot).late(today).exists()),
            kpis.count(),
            kpis.filter(readings__isnull=False).distinct().count(),
            KPIReading.objects.filter(kpi__pilot=pilot, status="submitted").count(),
        )
        before = found.get(pilot.borough.name, (0,) * 5)
        found[pilot.borough.name] = tuple(a + b for a, b in zip(before, counts, strict=True))
    return found


def _dashboard_rows(client, lab) -> dict[str, tuple]:
    response = client.get(reverse("lab_dashboard"), {"lab": lab.pk})
    return {
        b.name: (b.pilots, b.slipped, b.kpis, b.kpis_reported, b.readings.get("submitted", 0))
        for b in response.context["borough_page"].paginator.object_list
        if b.pilots
    }


def _check(client, lab) -> None:
    assert _dashboard_rows(client, lab) == _counted_straight(lab, timezone.localdate())
    _kept_equal_fresh()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what waits for the commit, as a committed transaction would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_figures_follow_publish_import_approve_return_unpublish(
    client, convenor, barnet_officer, lab, barnet_pilot, committed
):
    from pilots.readings.review import readings_approve, readings_return
    from pilots.readings.write import readings_write

    client.force_login(convenor)
    _check(client, lab)

    with committed():  # a publish that changes the stage
        barnet_pilot.stage = (
            Stage.COMPLETED if barnet_pilot.stage != Stage.COMPLETED else "in_delivery"
        )
        barnet_pilot.save_revision().publish()
    _check(client, lab)

    kpi = KPI.objects.filter(pilot=barnet_pilot).first()
    periods = [dt.date(2030, month, 1) for month in (1, 2, 3)]
    with committed():  # an import of three readings, waiting for review
        readings_write({(kpi.pk, p): (Decimal(5), "") for p in periods}, user=barnet_officer)
    _check(client, lab)

    waiting = KPIReading.objects.filter(kpi=kpi, period_start__in=periods)
    with committed():
        readings_approve(waiting.filter(period_start=periods[0]), user=convenor)
    with committed():
        readings_return(waiting.filter(period_start=periods[1]), comment="Check", user=convenor)
    _check(client, lab)

    with committed():
        Milestone.objects.create(pilot=barnet_pilot, title="Late", due_on=dt.date(2020, 1, 1))
    _check(client, lab)

    with committed():
        barnet_pilot.unpublish()
    assert "Barnet" not in _dashboard_rows(client, lab)
    _check(client, lab)


def test_a_change_drops_only_that_pilots_row_until_it_commits(lab, barnet_pilot, committed):
    from pilots.dashboard.figures import pilot_figures_refresh

    pilot_figures_refresh(Pilot.objects.values_list("pk", flat=True))
    others = PilotFigures.objects.exclude(pilot=barnet_pilot).count()
    with committed() as callbacks:
        barnet_pilot.save_revision().publish()
        assert not PilotFigures.objects.filter(pilot=barnet_pilot).exists()
        assert PilotFigures.objects.count() == others
    assert callbacks
    assert PilotFigures.objects.filter(pilot=barnet_pilot).exists()
