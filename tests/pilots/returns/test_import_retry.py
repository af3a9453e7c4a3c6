"""A worker that dies part way through an import leaves nothing behind, and the retried
task completes the import exactly once."""

import datetime as dt
from decimal import Decimal

import pytest

from pilots.models import KPIReading, ReturnUpload
from pilots.returns.imports import import_kpi_return, return_upload_create
from tests.pilots.readings.review_helpers import reopened
from tests.pilots.returns.returns_helpers import database_state, filled, upload

JUL, OCT = dt.date(2023, 7, 1), dt.date(2023, 10, 1)


class WorkerDied(Exception):
    pass


def die_after(stage):
    """Stands in for the worker process being killed once `stage` has been written."""

    def checkpoint(reached):
        if reached == stage:
            raise WorkerDied(stage)

    return checkpoint


@pytest.mark.parametrize("stage", ["updated", "created"])
def test_retry_after_worker_death_completes_once(barnet_pilot, barnet_monthly_kpi, stage):
    borough = barnet_pilot.borough
    quarterly = barnet_pilot.kpis.exclude(pk=barnet_monthly_kpi.pk).get()
    # One changed reading (written first) and one new reading (written second).
    reopened(quarterly.readings.filter(period_start=OCT))
    content = filled(borough, {(quarterly.pk, OCT): 25, (barnet_monthly_kpi.pk, JUL): 7})
    stored = return_upload_create(borough=borough, file=upload(content, "return.xlsx"))
    before = database_state()

    with pytest.raises(WorkerDied):
        import_kpi_return(stored.pk, checkpoint=die_after(stage))
    assert database_state() == before  # nothing partial
    stored.refresh_from_db()
    assert stored.status == ReturnUpload.Status.RUNNING  # left for the retry

    retried = import_kpi_return(stored.pk)
    assert (retried.status, retried.created, retried.updated) == ("done", 1, 1)
    assert KPIReading.objects.get(kpi=quarterly, period_start=OCT).value == Decimal(25)
    assert KPIReading.objects.get(kpi=barnet_monthly_kpi, period_start=JUL).value == Decimal(7)

    after = database_state()
    assert import_kpi_return(stored.pk).status == "done"  # a duplicate delivery
    assert database_state() == after
