"""Load the illustrative 2024 Lab (`pilots.seed.data.lab_2024`). Idempotent like the 2023
loader: a second run finds everything in place and changes nothing.

Each capability that shows something across Labs adds its illustrative rows through one
function called at the end of `load_lab_2024`, kept in a module of its own beside this one.
"""

import datetime as dt
from decimal import Decimal

from django.db import transaction
from wagtail.log_actions import log

from designlab.models import Borough, Lab, Participation
from pilots.models import KPI, Evaluation, KPIReading, Milestone, Pilot
from pilots.outcomes.lab_2023 import OUTCOMES_2023, outcomes_ensure
from pilots.seed.data import lab_2024 as data
from pilots.seed.lab_2023 import boroughs_ensure, load_asylum_welcome_2023
from pilots.seed.lab_2024_categories import lab_2024_categories_ensure
from pilots.seed.lab_2024_follow_ups import follow_ups_ensure
from pilots.seed.lab_2024_indicators import lab_2024_indicators_ensure
from pilots.seed.lab_2024_lineage import lineage_2024_ensure

ILLUSTRATIVE = "illustrative"


@transaction.atomic
def load_lab_2024() -> Lab:
    """The 2024 Lab, after the 2023 Lab it learns from."""
    load_asylum_welcome_2023()
    boroughs = boroughs_ensure()
    lab, _ = Lab.objects.get_or_create(
        slug=data.LAB["slug"],
        defaults={
            **{k: v for k, v in data.LAB.items() if k != "slug"},
            "dates_provenance": ILLUSTRATIVE,
        },
    )
    for name, *_ in data.PILOTS:
        Participation.objects.get_or_create(lab=lab, borough=boroughs[name])
    for entry in data.PILOTS:
        _pilot_ensure(lab, boroughs[entry[0]], *entry[1:])
    _outcomes_ensure(lab, cohort=len(data.PILOTS))
    lineage_2024_ensure(lab)
    lab_2024_categories_ensure(lab)
    lab_2024_indicators_ensure(lab)
    follow_ups_ensure(Lab.objects.get(slug="asylum-welcome-2023"), lab)
    return lab


def _pilot_ensure(
    lab: Lab, borough: Borough, title: str, stage: str, evaluation: tuple | None, kpis: list
) -> None:
    if Pilot.objects.filter(lab=lab, borough=borough, title=title).exists():
        return
    started = stage not in ("designing", "funded")
    pilot = Pilot(
        lab=lab,
        borough=borough,
        title=title,
        activity=f"{title} (illustrative).",
        key_lesson="Illustrative: no lesson has been reported for the 2024 Lab.",
        stage=stage,
        planned_start=dt.date(2024, 4, 1),
        planned_end=dt.date(2024, 12, 31),
        actual_start=dt.date(2024, 5, 1) if started else None,
        actual_end=dt.date(2024, 12, 20) if stage == "completed" else None,
        provenance=ILLUSTRATIVE,
        source_note=data.NOTE,
    )
    pilot.milestones = [
        Milestone(title=t, due_on=due, done_on=done, provenance=ILLUSTRATIVE, source_note=data.NOTE)
        for t, due, done in [
            ("Pilot design agreed", dt.date(2024, 4, 30), dt.date(2024, 4, 30)),
            ("Pilot launched", dt.date(2024, 5, 31), dt.date(2024, 5, 20) if started else None),
        ]
    ]
    if evaluation:
        method, status = evaluation
        pilot.evaluations = [
            Evaluation(
                method=method,
                measures="What changed for the residents taking part (illustrative).",
                status=status,
                planned_at_design_stage=True,
                provenance=ILLUSTRATIVE,
                source_note=data.NOTE,
            )
        ]
    pilot.kpis = [
        KPI(
            name=name,
            unit=unit,
            baseline=Decimal(baseline),
            target=Decimal(target),
            frequency=frequency,
            entered_as_ratio=unit == KPI.Unit.PERCENT,
            provenance=ILLUSTRATIVE,
            source_note=data.NOTE,
            sort_order=order,
        )
        for order, (name, unit, baseline, target, frequency) in enumerate(kpis)
    ]
    pilot.save()
    log(pilot, "wagtail.create")
    pilot.save_revision().publish()
    if started:
        _readings_ensure(pilot)


def _readings_ensure(pilot: Pilot) -> None:
    """Approved readings rising towards target; a percentage keeps the two counts it is
    made of, so that percentages pool across boroughs."""
    for kpi in pilot.kpis.all():
        months = data.READING_MONTHS if kpi.frequency == "monthly" else data.READING_MONTHS[1::3]
        readings = []
        for i, period in enumerate(months, start=1):
            value = (kpi.baseline + (kpi.target - kpi.baseline) * i / (len(months) + 1)).quantize(
                Decimal("1")
            )
            ratio = {}
            if kpi.unit == KPI.Unit.PERCENT:
                denominator = Decimal(20 + 5 * i)
                numerator = (denominator * value / 100).quantize(Decimal("1"))
                value = (numerator * 100 / denominator).quantize(Decimal("0.01"))
                ratio = {"numerator": numerator, "denominator": denominator}
            readings.append(
                KPIReading(
                    kpi=kpi,
                    period_start=period,
                    value=value,
                    provenance=ILLUSTRATIVE,
                    source_note=data.NOTE,
                    status=KPIReading.Status.APPROVED,
                    **ratio,
                )
            )
        KPIReading.objects.bulk_create(readings)


def _outcomes_ensure(lab: Lab, cohort: int) -> None:
    """The 2023 outcomes, their thresholds scaled to this cohort: all of it, or a majority."""
    scaled = {11: cohort, 6: cohort // 2 + 1}
    rationale = f"Illustrative thresholds, the 2023 ones scaled to a cohort of {cohort}."
    outcomes_ensure(lab, [
        (number, statement, [
            (measure, rated, scaled.get(success, success), scaled.get(partial, partial), rationale)
            for measure, rated, success, partial, _ in measures
        ])
        for number, statement, measures in OUTCOMES_2023
    ])  # fmt: skip
