"""`manage.py review_readings` acts on one borough's submitted readings in a Lab (of one
month with --period), as the listing does, and prints how many it changed."""

import datetime as dt
import io

import pytest
from django.core.management import CommandError, call_command

from pilots.models import KPIReading
from tests.pilots.readings.review_helpers import reading_add

JUL, AUG = dt.date(2023, 7, 1), dt.date(2023, 8, 1)
LAB = "asylum-welcome-2023"


def review(*args) -> str:
    out = io.StringIO()
    call_command("review_readings", LAB, *args, stdout=out)
    return out.getvalue()


def test_approve_one_borough_and_month(convenor, barnet_monthly_kpi, brent_pilot):
    from pilots.models import KPI

    july, august = (
        reading_add(barnet_monthly_kpi, JUL, 30),
        reading_add(barnet_monthly_kpi, AUG, 31),
    )
    brent_kpi = KPI.objects.create(pilot=brent_pilot, name="Brent KPI", frequency="monthly")
    brent = reading_add(brent_kpi, JUL, 5)
    said = review("--borough", "barnet", "--period", "2023-07", "--approve", "--as", "convenor")
    assert said.strip() == "1 reading of Barnet approved."
    statuses = {
        r.pk: r.status for r in KPIReading.objects.filter(pk__in=[july.pk, august.pk, brent.pk])
    }
    assert statuses == {july.pk: "approved", august.pk: "submitted", brent.pk: "submitted"}


def test_return_with_a_comment(convenor, barnet_monthly_kpi):
    reading_add(barnet_monthly_kpi, JUL, 30), reading_add(barnet_monthly_kpi, AUG, 31)
    said = review("--borough", "barnet", "--return", "Restate both months", "--as", "convenor")
    assert said.strip() == "2 readings of Barnet returned."
    assert set(
        KPIReading.objects.filter(kpi=barnet_monthly_kpi).values_list("status", "review_comment")
    ) == {("returned", "Restate both months")}


@pytest.mark.parametrize(
    "args,error",
    [
        (["--borough", "barnet", "--return", " ", "--as", "convenor"], "needs a comment"),
        (["--borough", "nowhere", "--approve", "--as", "convenor"], "no borough"),
        (["--borough", "barnet", "--period", "July", "--approve", "--as", "convenor"], "YYYY-MM"),
        (["--borough", "barnet", "--approve", "--as", "nobody"], "not a convenor"),
    ],
)
def test_bad_input_changes_nothing(convenor, barnet_monthly_kpi, args, error):
    reading = reading_add(barnet_monthly_kpi, JUL, 30)
    with pytest.raises(CommandError, match=error):
        review(*args)
    reading.refresh_from_db()
    assert reading.status == KPIReading.Status.SUBMITTED
