"""`readings_write`, the one writer of readings, writes a reading's categories with it, in
bulk and in the same transaction: the same parts twice change nothing, new parts correct the
reading (with a revision), and an approved reading's parts are locked."""

import datetime as dt
from decimal import Decimal

import pytest
from wagtail.models import Revision

from pilots.models import KPIReading, ReadingPart
from pilots.readings.write import ReadingLocked, readings_write
from tests.pilots.readings.parts_helpers import parts_of, reading_with_parts

JULY, AUGUST = dt.date(2023, 7, 1), dt.date(2023, 8, 1)


def _entry(kpi, total, parts):
    ids = [c.pk for c in kpi.split_by.categories.all()]
    return (Decimal(total), "", {"parts": dict(zip(ids, map(Decimal, parts), strict=True))})


def test_parts_are_written_with_their_readings(split_kpi):
    written = readings_write(
        {(split_kpi.pk, JULY): _entry(split_kpi, 6, [1, 2, 3]),
         (split_kpi.pk, AUGUST): _entry(split_kpi, 60, [10, 20, 30])}
    )  # fmt: skip
    assert tuple(written) == (2, 0, 0)
    july, august = KPIReading.objects.filter(kpi=split_kpi).order_by("period_start")
    assert [v for _, v in parts_of(july)] == [1, 2, 3]
    assert [v for _, v in parts_of(august)] == [10, 20, 30]


def test_the_same_parts_again_change_nothing(split_kpi):
    reading_with_parts(split_kpi, JULY, 6, [1, 2, 3])
    before = list(ReadingPart.objects.values_list("pk", "value"))
    assert tuple(readings_write({(split_kpi.pk, JULY): _entry(split_kpi, 6, [1, 2, 3])})) == (
        0, 0, 1,
    )  # fmt: skip
    assert list(ReadingPart.objects.values_list("pk", "value")) == before


def test_other_parts_correct_the_reading_and_keep_a_revision(split_kpi):
    reading = reading_with_parts(split_kpi, JULY, 6, [1, 2, 3])
    written = readings_write({(split_kpi.pk, JULY): _entry(split_kpi, 6, [3, 2, 1])})
    assert tuple(written) == (0, 1, 0)
    assert [v for _, v in parts_of(reading)] == [3, 2, 1]
    assert Revision.objects.for_instance(reading).count() == 2


def test_a_reading_without_parts_leaves_the_recorded_ones_alone(split_kpi):
    reading = reading_with_parts(split_kpi, JULY, 6, [1, 2, 3])
    readings_write({(split_kpi.pk, JULY): (Decimal(6), "a note")})
    assert [v for _, v in parts_of(reading)] == [1, 2, 3]


def test_an_approved_readings_parts_are_locked_and_nothing_is_written(split_kpi):
    reading_with_parts(split_kpi, JULY, 6, [1, 2, 3], approved=True)
    before = list(ReadingPart.objects.values_list("pk", "value"))
    with pytest.raises(ReadingLocked):
        readings_write(
            {(split_kpi.pk, AUGUST): _entry(split_kpi, 60, [10, 20, 30]),
             (split_kpi.pk, JULY): _entry(split_kpi, 6, [3, 2, 1])}
        )  # fmt: skip
    assert list(ReadingPart.objects.values_list("pk", "value")) == before
    assert not KPIReading.objects.filter(kpi=split_kpi, period_start=AUGUST).exists()
