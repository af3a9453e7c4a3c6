"""The illustrative 2024 Lab loads beside the 2023 one, marked illustrative, idempotently."""

import io

from django.core.management import call_command

from designlab.models import Lab, Outcome
from pilots.models import KPIReading, Pilot
from pilots.outcomes.ratings import lab_outcomes


def _load() -> str:
    out = io.StringIO()
    call_command("load_lab_2024", stdout=out)
    return out.getvalue()


def test_second_lab_beside_the_first_all_illustrative(db):
    assert "6 pilots" in _load()
    lab = Lab.objects.get(slug="design-lab-2024")
    assert Lab.objects.filter(slug="asylum-welcome-2023").exists()
    pilots = Pilot.objects.filter(lab=lab)
    assert pilots.published().count() == 6
    assert set(pilots.values_list("provenance", flat=True)) == {"illustrative"}
    assert lab.dates_provenance == "illustrative"
    readings = KPIReading.objects.filter(kpi__pilot__lab=lab)
    assert readings.exists()
    assert set(readings.values_list("provenance", "status").distinct()) == {
        ("illustrative", "approved")
    }


def test_percentages_keep_their_two_counts(db):
    _load()
    percent = KPIReading.objects.filter(
        kpi__pilot__lab__slug="design-lab-2024", kpi__unit="percent"
    )
    assert percent.exists()
    for reading in percent:
        assert reading.value == (reading.numerator * 100 / reading.denominator).quantize(
            reading.value
        )


def test_outcomes_scaled_to_the_cohort_and_rated_from_records(db):
    _load()
    lab = Lab.objects.get(slug="design-lab-2024")
    outcome = Outcome.objects.get(lab=lab, number=2)
    designed = outcome.measures.get(measure="pilot_designed")
    assert (designed.success_from, designed.partial_from) == (6, 4)
    assert [o.rating for o in lab_outcomes(lab)]


def test_loading_twice_changes_nothing(db):
    _load()
    counts = (Pilot.objects.count(), KPIReading.objects.count(), Outcome.objects.count())
    _load()
    assert (Pilot.objects.count(), KPIReading.objects.count(), Outcome.objects.count()) == counts
