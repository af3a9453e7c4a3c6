"""A return carries each reading's story, a percentage's two counts and the reason an
unusual figure is right, through a real .xlsx (openpyxl) and a .csv; mistakes refuse the
whole return with each row named, and change nothing."""

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest

from pilots.models import KPI, KPIReading, ReturnUpload
from pilots.returns.layout import COLUMNS
from tests.pilots.returns.returns_helpers import (
    book_bytes,
    database_state,
    import_bytes,
    template_book,
)

JUL, AUG, SEP = dt.date(2023, 7, 1), dt.date(2023, 8, 1), dt.date(2023, 9, 1)
AT = {name: i for i, name in enumerate(COLUMNS)}


@pytest.fixture
def ratio_kpi(barnet_pilot):
    return KPI.objects.create(
        pilot=barnet_pilot, name="Placements kept", unit=KPI.Unit.PERCENT,
        frequency=KPI.Frequency.MONTHLY, baseline=Decimal(0), target=Decimal(80),
        entered_as_ratio=True, sort_order=10,
    )  # fmt: skip


def filled(borough, rows: dict) -> bytes:
    """The template with the cells of `rows` ({(kpi id, period): {column: value}}) typed in."""
    book = template_book(borough)
    for row in book["Return"].iter_rows(min_row=2):
        key = (row[AT["KPI ID"]].value, row[AT["Period start"]].value.date())
        for name, value in rows.get(key, {}).items():
            row[AT[name]].value = value
    return book_bytes(book)


def as_csv(rows: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def test_story_and_counts_round_trip_through_xlsx(
    barnet_pilot, barnet_officer, barnet_monthly_kpi, ratio_kpi
):
    borough = barnet_pilot.borough
    content = filled(borough, {
        (barnet_monthly_kpi.pk, JUL): {"Value": 30, "What happened": "Slow start",
                                       "Next step": "Two more referral partners"},
        (ratio_kpi.pk, JUL): {"Numerator": 12, "Denominator": 16},
    })  # fmt: skip
    upload = import_bytes(borough, content, user=barnet_officer)
    assert upload.status == ReturnUpload.Status.DONE, upload.problems
    story = KPIReading.objects.get(kpi=barnet_monthly_kpi, period_start=JUL)
    assert (story.what_happened, story.next_step) == ("Slow start", "Two more referral partners")
    ratio = KPIReading.objects.get(kpi=ratio_kpi, period_start=JUL)
    assert (ratio.value, ratio.numerator, ratio.denominator) == (
        Decimal("75.00"),
        Decimal("12.00"),
        Decimal("16.00"),
    )

    # The next template carries them back; uploading it unchanged changes nothing.
    sheet = template_book(borough)["Return"]
    rows = {
        (r[0], r[AT["Period start"]].date()): r
        for r in sheet.iter_rows(min_row=2, values_only=True)
    }
    assert rows[(barnet_monthly_kpi.pk, JUL)][AT["What happened"]] == "Slow start"
    assert rows[(ratio_kpi.pk, JUL)][AT["Numerator"]] == 12
    assert rows[(ratio_kpi.pk, JUL)][AT["Value"]] is None  # worked out, not typed
    before = database_state()[:2]
    again = import_bytes(borough, book_bytes(template_book(borough)), user=barnet_officer)
    assert again.status == ReturnUpload.Status.DONE and again.updated == 0
    assert database_state()[:2] == before


def test_story_and_confirmation_through_csv(barnet_pilot, barnet_officer, barnet_monthly_kpi):
    borough = barnet_pilot.borough
    KPIReading.objects.create(kpi=barnet_monthly_kpi, period_start=JUL, value=Decimal(10))
    content = as_csv([
        {"KPI ID": barnet_monthly_kpi.pk, "Period start": "2023-08-01", "Value": "45",
         "What happened": "Summer fair", "Next step": "Keep it up",
         "Confirm": "The summer fair brought many referrals"},
    ])  # fmt: skip
    upload = import_bytes(borough, content, "barnet.csv", user=barnet_officer)
    assert upload.status == ReturnUpload.Status.DONE, upload.problems
    reading = KPIReading.objects.get(kpi=barnet_monthly_kpi, period_start=AUG)
    assert reading.what_happened == "Summer fair" and reading.next_step == "Keep it up"
    assert reading.quality_warning == "45 is more than three times the previous period's 10"
    assert reading.quality_reason == "The summer fair brought many referrals"


@pytest.mark.parametrize(
    ("cells", "column", "message"),
    [
        (
            {"Numerator": 20, "Denominator": 16},
            "Denominator (M)",
            "The numerator (20) is above the denominator (16)",
        ),
        ({"Numerator": 0, "Denominator": 0}, "Denominator (M)", "The denominator is 0"),
        ({"Numerator": 3}, "Denominator (M)", "give both the numerator and the denominator"),
        ({"Value": 50}, "Value (H)", "is entered as two counts: type the Numerator"),
        (
            {"Numerator": 12, "Denominator": 16, "Value": 70},
            "Value (H)",
            "The Value 70.00 is not the numerator over the denominator (75.00)",
        ),
    ],
)
def test_counts_mistakes_refuse_the_return(
    barnet_pilot, barnet_officer, ratio_kpi, cells, column, message
):
    borough = barnet_pilot.borough
    before = database_state()
    upload = import_bytes(borough, filled(borough, {(ratio_kpi.pk, JUL): cells}))
    assert upload.status == ReturnUpload.Status.REFUSED
    [problem] = upload.problems
    assert problem["column"] == column and message in problem["message"], problem
    assert database_state()[:2] == before[:2]


def test_a_falling_cumulative_total_needs_what_happened(
    barnet_pilot, barnet_officer, barnet_monthly_kpi
):
    borough = barnet_pilot.borough
    barnet_monthly_kpi.kind = KPI.Kind.CUMULATIVE
    barnet_monthly_kpi.save()
    rows = {
        (barnet_monthly_kpi.pk, JUL): {"Value": 40},
        (barnet_monthly_kpi.pk, AUG): {"Value": 35},
    }
    before = database_state()
    upload = import_bytes(borough, filled(borough, rows))
    assert upload.status == ReturnUpload.Status.REFUSED
    [problem] = upload.problems
    assert problem["column"] == "What happened (J)"
    assert "is a total to date, and 35 is below the previous period's 40" in problem["message"]
    assert database_state()[:2] == before[:2]
    rows[(barnet_monthly_kpi.pk, AUG)]["What happened"] = "July counted two families twice"
    assert import_bytes(borough, filled(borough, rows)).status == ReturnUpload.Status.DONE


def test_unconfirmed_unusual_figures_are_listed_by_row(
    barnet_pilot, barnet_officer, barnet_monthly_kpi
):
    borough = barnet_pilot.borough
    barnet_monthly_kpi.plausible_max = Decimal(60)
    barnet_monthly_kpi.save()
    rows = {
        (barnet_monthly_kpi.pk, JUL): {"Value": 10},
        (barnet_monthly_kpi.pk, AUG): {"Value": 35},  # 3.5 times July
        (barnet_monthly_kpi.pk, SEP): {"Value": 70},  # above the plausible 60
    }
    before = database_state()
    upload = import_bytes(borough, filled(borough, rows))
    assert upload.status == ReturnUpload.Status.REFUSED
    assert [(p["column"], p["message"]) for p in upload.problems] == [
        ("Confirm (N)", "35 is more than three times the previous period's 10. If it is right, "
                        "write why in the “Confirm” column; otherwise correct it."),
        ("Confirm (N)", "70 is outside the plausible range for “Placements lasting three "
                        "months” (no minimum to 60). If it is right, write why in the "
                        "“Confirm” column; otherwise correct it."),
    ]  # fmt: skip
    assert upload.problems[0]["row"] < upload.problems[1]["row"]
    assert database_state()[:2] == before[:2]
    rows[(barnet_monthly_kpi.pk, AUG)]["Confirm"] = "New referral route"
    rows[(barnet_monthly_kpi.pk, SEP)]["Confirm"] = "Two cohorts finished at once"
    assert import_bytes(borough, filled(borough, rows)).status == ReturnUpload.Status.DONE
    assert (
        KPIReading.objects.exclude(quality_warning="").filter(kpi=barnet_monthly_kpi).count() == 2
    )
