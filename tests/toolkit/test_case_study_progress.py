"""A case study shows each KPI's published series as an SVG chart (no script) with a table
of the same figures, its status as a word and a symbol, and a timeline of milestones
reached and dated changes of stage. A masked count is never plotted, and neither its status
nor its story is shown. The page costs the same queries as readings grow tenfold."""

import datetime as dt
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pilots.models import KPI, KPIReading, KPITarget, Milestone, Stage

pytestmark = pytest.mark.django_db

APPROVED = KPIReading.Status.APPROVED  # only approved readings are published
MONTHS = [dt.date(2023, m, 1) for m in (7, 8, 9)]


@pytest.fixture
def families(barnet_pilot):
    """A count KPI with a small (masked) August, and its own target for September."""
    kpi = KPI.objects.create(
        pilot=barnet_pilot, name="Families welcomed", unit=KPI.Unit.COUNT, baseline=Decimal(0),
        target=Decimal(40), frequency=KPI.Frequency.MONTHLY, sort_order=20,
    )  # fmt: skip
    for start, value, story in zip(
        MONTHS, (12, 7, 31), ("Slow start", "Only 7 families came", "Fair in September"),
        strict=True,
    ):  # fmt: skip
        KPIReading.objects.create(kpi=kpi, period_start=start, value=Decimal(value),
                                  what_happened=story, next_step=f"After {story}",
                                  status=APPROVED)  # fmt: skip
    KPITarget.objects.create(pilot=barnet_pilot, kpi=kpi, period_start=MONTHS[2], target=30)
    return kpi


def section(client, case_study, kpi):
    soup = BeautifulSoup(client.get(case_study.url).content, "html.parser")
    return soup, soup.select_one(f"#kpi-{kpi.pk}-heading").find_parent("section")


def test_chart_and_table_of_every_published_reading(client, case_study, families):
    _, found = section(client, case_study, families)
    svg = found.select_one("svg")
    assert svg["role"] == "img"
    assert svg["aria-labelledby"] == f"kpi-{families.pk}-title kpi-{families.pk}-desc"
    assert svg.select_one("title").get_text() == "Families welcomed: readings over time"
    assert "1 small counts are not shown" in svg.select_one("desc").get_text()
    assert not found.select("script")
    # Two published points, each its own run: the masked August breaks the line.
    assert len(svg.select("circle")) == 2 and len(svg.select("polyline")) == 2
    rows = [[" ".join(td.get_text().split()) for td in tr.select("th, td")]
            for tr in found.select("tbody tr")]  # fmt: skip
    assert rows == [
        ["Jul 2023", "12", "40", "✗ Off track", "Slow start", "After Slow start"],
        ["Aug 2023", "Fewer than 10", "40", "–", "", ""],
        ["Sep 2023", "31", "30", "✓ On track", "Fair in September", "After Fair in September"],
    ]


def test_a_masked_value_cannot_be_read_off_the_chart(client, case_study, families):
    _, found = section(client, case_study, families)
    svg = found.select_one("svg")
    text = str(svg)
    # Nothing drawn or written for August: no point, no label, no "7".
    assert ">7<" not in text and "Only 7 families" not in str(found)
    points = [tuple(map(float, p.split(","))) for line in svg.select("polyline")
              for p in line["points"].split()]  # fmt: skip
    assert len(points) == 2  # July and September only


def test_status_shown_with_a_word_and_a_symbol_in_the_kpi_table(client, case_study, families):
    soup, _ = section(client, case_study, families)
    row = next(tr for tr in soup.select("table")[0].select("tbody tr")
               if "Families welcomed" in tr.get_text())  # fmt: skip
    assert "✓ On track" in " ".join(row.get_text().split())


def test_timeline_has_milestones_reached_and_dated_changes_of_stage(
    client, case_study, barnet_pilot
):
    Milestone.objects.create(pilot=barnet_pilot, title="Volunteers trained",
                             due_on=dt.date(2023, 9, 1), done_on=dt.date(2023, 9, 20))  # fmt: skip
    Milestone.objects.create(pilot=barnet_pilot, title="Not yet", due_on=dt.date(2030, 1, 1))
    barnet_pilot.stage = Stage.SCALING
    barnet_pilot.save_revision().publish()
    soup = BeautifulSoup(client.get(case_study.url).content, "html.parser")
    events = [" ".join(li.get_text().split()) for li in soup.select("ol.timeline li")]
    assert "20 September 2023: Milestone reached: Volunteers trained" in events
    assert not any("Not yet" in event for event in events)
    assert any(event.endswith("Stage: Scaling up") for event in events)


def test_a_draft_stage_never_shows_on_the_timeline(client, case_study, barnet_pilot):
    barnet_pilot.stage = Stage.STOPPED
    barnet_pilot.save_revision()  # saved as a draft, not published
    soup = BeautifulSoup(client.get(case_study.url).content, "html.parser")
    assert "Stage: Stopped" not in soup.get_text()


def _grow(pilot, kpis: int, periods: int) -> None:
    for k in range(kpis):
        kpi, _ = KPI.objects.get_or_create(pilot=pilot, name=f"Grown {k}",
                                           defaults={"baseline": 0, "target": 100})  # fmt: skip
        have = kpi.readings.count()
        months = [have + i for i in range(periods - have)]
        KPIReading.objects.bulk_create(
            KPIReading(kpi=kpi, period_start=dt.date(2000 + m // 12, m % 12 + 1, 1),
                       value=Decimal(10 + m % 50), status=APPROVED)
            for m in months
        )  # fmt: skip
        KPITarget.objects.get_or_create(pilot=pilot, kpi=kpi, period_start=dt.date(2000, 1, 1),
                                        defaults={"target": 50})  # fmt: skip


def test_case_study_queries_stay_constant_as_readings_grow_tenfold(
    client, case_study, barnet_pilot
):
    from django.core.cache import cache

    def count() -> int:
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(case_study.url).status_code == 200
        return len(queries)

    _grow(barnet_pilot, kpis=4, periods=6)
    small = count()
    _grow(barnet_pilot, kpis=4, periods=60)
    assert KPIReading.objects.filter(kpi__name__startswith="Grown").count() == 240
    assert count() == small
