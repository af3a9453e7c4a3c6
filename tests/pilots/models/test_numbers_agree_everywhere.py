"""One rule for each number, shown the same on every page that shows it, for the same data:
the officer's home panel, the KPI's readings page, the Lab dashboard, the public case study
and the export.

- Progress to target: a reading of 0.29 from a baseline of 0 to a target of 0.40 is 72.5%,
  shown as 73% (halves up) everywhere; the database's floating point makes it
  72.49999999999999, which once showed as 72% on the dashboard.
- Baseline: 0 is a figure ("0"); a missing baseline is "–".
- Milestones: "late" (done after the due date, or still open past it) and "overdue" (still
  open past it) are different notions; each page names the one it counts.
"""

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.urls import reverse

from pilots.exports.csv_lines import table_csv_lines
from pilots.models import KPI, KPIReading, Milestone
from tests.pilots.readings.review_helpers import reading_add
from toolkit.models import CaseStudyPage


def text(response) -> str:
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())


@pytest.fixture
def kpi(barnet_pilot):
    """Barnet's only KPI: a score from 0 to 0.40, last read at 0.29."""
    KPIReading.objects.filter(kpi__pilot=barnet_pilot).delete()  # readings are protected
    barnet_pilot.kpis.all().delete()
    kpi = KPI.objects.create(
        pilot=barnet_pilot, name="Wellbeing score gained", unit=KPI.Unit.SCORE,
        frequency=KPI.Frequency.QUARTERLY, baseline=Decimal(0), target=Decimal("0.40"),
    )  # fmt: skip
    reading_add(kpi, dt.date(2023, 7, 1), "0.10", KPIReading.Status.APPROVED)
    reading_add(kpi, dt.date(2023, 10, 1), "0.29", KPIReading.Status.APPROVED)
    return kpi


def case_study(client, pilot) -> str:
    cache.clear()  # anonymous pages are cached
    client.logout()
    page = CaseStudyPage.objects.get(pilot=pilot)
    return text(client.get(page.url))


def dashboard_row(client, table: str, first_cell: str) -> list[str]:
    """The cells of the row starting with `first_cell` in the dashboard's `table`."""
    soup = BeautifulSoup(client.get(reverse("lab_dashboard")).content, "html.parser")
    box = soup.find("div", attrs={"aria-label": table})
    for tr in box.select("tbody tr"):
        cells = [" ".join(cell.get_text().split()) for cell in tr.select("th, td")]
        if cells[0] == first_cell:
            return cells
    raise AssertionError(f"no row {first_cell} in {table}")


def exported_kpi(lab, kpi) -> dict:
    # Read to its end: on PostgreSQL the table is a COPY (many lines a chunk), holding the
    # connection until then.
    text = "".join(table_csv_lines(lab, "kpis", borough=None)).removeprefix("\ufeff")
    rows = csv.DictReader(io.StringIO(text, newline=""))
    return next(row for row in rows if row["KPI ID"] == str(kpi.pk))


def test_progress_to_target_is_the_same_figure_everywhere(
    client, barnet_officer, convenor, barnet_pilot, kpi, lab
):
    assert kpi.progress_to_target(Decimal("0.29")) == 73
    client.force_login(barnet_officer)
    assert "latest 0.29 (Oct 2023), 73% of the way to target" in text(
        client.get(reverse("wagtailadmin_home"))
    )
    assert "Progress to target: 73%" in text(client.get(reverse("pilots_readings", args=[kpi.pk])))
    pilot_page = text(client.get(reverse("pilots_pilot_readings", args=[barnet_pilot.pk])))
    assert "0.29 (Oct 2023) 73%" in pilot_page

    client.force_login(convenor)
    assert dashboard_row(client, "KPI progress", "Barnet")[1:] == ["1", "1", "0", "73%"]
    assert exported_kpi(lab, kpi)["Progress to target (%)"] == "73"
    assert "0.29 (Oct 2023) 0.40 73%" in case_study(client, barnet_pilot)


def test_a_baseline_of_zero_is_zero_and_a_missing_one_a_dash_everywhere(
    client, barnet_officer, barnet_pilot, kpi, lab
):
    client.force_login(barnet_officer)
    readings = reverse("pilots_readings", args=[kpi.pk])
    pilot_page = reverse("pilots_pilot_readings", args=[barnet_pilot.pk])
    assert "Baseline 0 · target 0.40" in text(client.get(readings))
    assert "Wellbeing score gained (Score, quarterly) 0 0.40" in text(client.get(pilot_page))
    assert "Wellbeing score gained 0 0.29" in case_study(client, barnet_pilot)
    assert exported_kpi(lab, kpi)["Baseline"] == "0.00"

    KPI.objects.filter(pk=kpi.pk).update(baseline=None)
    client.force_login(barnet_officer)
    assert "Baseline – · target 0.40" in text(client.get(readings))
    assert "Progress to target: –" in text(client.get(readings))
    assert "Wellbeing score gained (Score, quarterly) – 0.40" in text(client.get(pilot_page))
    assert "Wellbeing score gained – 0.29" in case_study(client, barnet_pilot)
    assert exported_kpi(lab, kpi)["Baseline"] == ""


def test_late_and_overdue_milestones_are_named_and_agree(
    client, barnet_officer, convenor, barnet_pilot
):
    Milestone.objects.filter(pilot=barnet_pilot).delete()
    Milestone.objects.create(
        pilot=barnet_pilot,
        title="Recruit volunteers",
        due_on=dt.date(2023, 9, 30),
        done_on=dt.date(2023, 10, 20),
    )  # late
    Milestone.objects.create(pilot=barnet_pilot, title="Final review",
                             due_on=dt.date(2024, 1, 31))  # overdue: still open  # fmt: skip
    client.force_login(barnet_officer)
    home = text(client.get(reverse("wagtailadmin_home")))
    assert "Overdue milestones (1) Past their due date and not yet done." in home

    client.force_login(convenor)
    row = dashboard_row(client, "Pilots furthest behind their milestones", barnet_pilot.title)
    assert row[3:5] == ["2", "1"]  # late, of which overdue
    page = text(client.get(reverse("lab_dashboard")))
    assert "Late milestones Of which overdue (still open)" in page
    assert "it is overdue if it is still open past its due date" in page
