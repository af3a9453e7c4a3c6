"""Shared indicators for the 2023 and 2024 Labs: ILLUSTRATIVE. The report defines none; these
are here so that a newcomer sees the roll-up (dashboard, API, open data) with something in
it. Idempotent: a second run changes nothing."""

import datetime as dt
from decimal import Decimal

from designlab.models import Lab, Provenance, SharedIndicator
from pilots.models import KPI, KPIReading, Pilot

NOTE = (
    "Illustrative: the report defines no shared indicators; made up to show how boroughs' "
    "figures add up across a Lab and compare across Labs."
)
LAB_2023 = "asylum-welcome-2023"

# slug, name, definition, unit, frequency, Lab slugs,
# [(Lab slug, borough, KPI name)] of KPIs that adopt it.
INDICATORS = [
    ("people-starting-volunteering", "People starting a volunteering placement",
     "Residents seeking asylum who started a volunteering or vocational placement in the "
     "quarter, counted once each.", "count", "quarterly", [LAB_2023, "design-lab-2024"],
     [(LAB_2023, "Barnet", "Volunteering placements started"),
      (LAB_2023, "Waltham Forest", "Volunteers in vocational training"),
      ("design-lab-2024", "Barnet", "People starting a volunteering placement")]),
    ("residents-attending-sessions", "Residents attending group sessions",
     "Residents seeking asylum attending a group session the pilot runs in the month "
     "(open house, conversation club), counted once a month each.", "count", "monthly",
     ["design-lab-2024"],
     [("design-lab-2024", "Croydon", "Residents attending open house sessions"),
      ("design-lab-2024", "Ealing", "Residents attending conversation clubs")]),
    ("found-support-useful", "Residents who found the support useful",
     "Of the residents asked in the month, the share who said the support was useful.",
     "percent", "monthly", ["design-lab-2024"],
     [("design-lab-2024", "Barnet", "Volunteers rating the placement useful"),
      ("design-lab-2024", "Camden", "Recipients who found the pack useful")]),
]  # fmt: skip

# The 2024 Lab's quarterly KPI that adopts the indicator the 2023 Lab used, with its
# readings (the 2024 KPIs of the same name are monthly, so cannot adopt it).
QUARTERLY_2024 = ("Barnet", "People starting a volunteering placement",
                  {dt.date(2024, 4, 1): 12, dt.date(2024, 7, 1): 25})  # fmt: skip


def lab_2024_indicators_ensure(lab_2024: Lab) -> None:
    labs = {lab.slug: lab for lab in Lab.objects.filter(slug__in=[LAB_2023, lab_2024.slug])}
    _quarterly_kpi_ensure(lab_2024)
    for slug, name, definition, unit, frequency, lab_slugs, adopters in INDICATORS:
        indicator, _ = SharedIndicator.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name, "definition": definition, "unit": unit, "frequency": frequency,
                "provenance": Provenance.ILLUSTRATIVE, "source_note": NOTE,
            },
        )  # fmt: skip
        indicator.labs.add(*(labs[s] for s in lab_slugs if s in labs))
        for lab_slug, borough, kpi_name in adopters:
            kpi = KPI.objects.filter(
                pilot__lab__slug=lab_slug, pilot__borough__name=borough, name=kpi_name
            ).first()
            if kpi is not None and kpi.shared_indicator_id is None:
                _adopt(kpi, indicator)


def _adopt(kpi: KPI, indicator: SharedIndicator) -> None:
    """The KPI adopts the indicator, and its pilot's published version says so, so that the
    next save in the editor keeps it."""
    kpi.shared_indicator = indicator
    kpi.source_note = (kpi.source_note + " " if kpi.source_note else "") + NOTE
    kpi.save()
    pilot = Pilot.objects.get(pk=kpi.pilot_id)
    pilot.save_revision().publish()


def _quarterly_kpi_ensure(lab: Lab) -> None:
    borough, name, readings = QUARTERLY_2024
    pilot = Pilot.objects.filter(lab=lab, borough__name=borough).first()
    if pilot is None or pilot.kpis.filter(name=name).exists():
        return
    kpi = KPI.objects.create(
        pilot=pilot, name=name, unit=KPI.Unit.COUNT, frequency=KPI.Frequency.QUARTERLY,
        baseline=Decimal(0), target=Decimal(40), provenance=Provenance.ILLUSTRATIVE,
        source_note=NOTE, sort_order=pilot.kpis.count(),
    )  # fmt: skip
    KPIReading.objects.bulk_create(
        KPIReading(kpi=kpi, period_start=start, value=Decimal(value), status="approved",
                   provenance=Provenance.ILLUSTRATIVE, source_note=NOTE)
        for start, value in readings.items()
    )  # fmt: skip
