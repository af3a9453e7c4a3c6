"""The illustrative 2024 Lab loads category lists and disaggregated approved readings,
idempotently; one split KPI's latest categories are shown in public, one is withheld."""

from designlab.models import Breakdown
from pilots.models import KPI, ReadingPart
from pilots.seed.lab_2024 import load_lab_2024
from toolkit.published import readings_broken_down, readings_hidden


def _state() -> tuple:
    return (
        list(Breakdown.objects.values_list("name", "provenance")),
        list(ReadingPart.objects.order_by("pk").values_list("pk", "value")),
        list(KPI.objects.exclude(split_by=None).values_list("pk", "split_by__name")),
    )


def test_lists_and_split_readings_load_once(db):
    load_lab_2024()
    first = _state()
    assert {name for name, _ in first[0]} >= {"Age band", "Gender", "First language",
                                              "Months in the UK"}  # fmt: skip
    assert {provenance for _, provenance in first[0]} == {"illustrative"}
    assert len(first[2]) == 3
    load_lab_2024()
    assert _state() == first
    for kpi in KPI.objects.exclude(split_by=None).prefetch_related("readings__parts"):
        assert kpi.pilot.lab.slug == "design-lab-2024"
        for reading in kpi.readings.all():  # counts whose categories add up
            assert sum(p.value for p in reading.parts.all()) == reading.value


def test_one_breakdown_is_shown_and_one_withheld_in_public(db):
    load_lab_2024()
    kpis = {k.name: k for k in KPI.objects.exclude(split_by=None)}
    shown = readings_broken_down({k.pk for k in kpis.values()}, readings_hidden())

    def latest(name: str):
        kpi = kpis[name]
        return shown[max(key for key in shown if key[0] == kpi.pk)]

    assert not latest("Welcome packs handed out").withheld
    assert not latest("Residents attending open house sessions").withheld
    withheld = latest("Residents attending conversation clubs")
    assert withheld.withheld and all(v is None for _, v in withheld.parts)
