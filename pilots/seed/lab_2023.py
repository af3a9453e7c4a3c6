"""Load the 2023 Asylum Welcome Design Lab from `pilots.data`. Idempotent: a second run
finds everything in place and changes nothing."""

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.utils.text import slugify
from wagtail.log_actions import log

from designlab.data.boroughs import LONDON_BOROUGHS
from designlab.models import (
    Attendance,
    Borough,
    Challenge,
    IntegrationDomain,
    Lab,
    Participation,
    Session,
)
from pilots.models import (
    KPI,
    Evaluation,
    KPIReading,
    Milestone,
    Partnership,
    Pilot,
    PracticeChange,
    ResourceReuse,
    SharedResource,
)
from pilots.outcomes.lab_2023 import outcomes_ensure
from pilots.seed.data import asylum_welcome_2023 as data
from pilots.seed.data.table1 import TABLE_1

ILLUSTRATIVE = "illustrative"


def boroughs_ensure() -> dict[str, Borough]:
    """All 33 London local authorities, by name."""
    for code, name in LONDON_BOROUGHS:
        Borough.objects.get_or_create(gss_code=code, defaults={"name": name, "slug": slugify(name)})
    return {b.name: b for b in Borough.objects.all()}


def taxonomies_ensure() -> None:
    for slug, name in data.CHALLENGES:
        Challenge.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": data.CHALLENGE_NOTE}
        )
    for group, names in data.DOMAINS:
        for name in names:
            IntegrationDomain.objects.get_or_create(
                slug=slugify(name), defaults={"name": name, "group": group}
            )


@transaction.atomic
def load_asylum_welcome_2023() -> Lab:
    boroughs = boroughs_ensure()
    taxonomies_ensure()
    lab, _ = Lab.objects.get_or_create(
        slug=data.LAB["slug"],
        defaults={
            **{k: v for k, v in data.LAB.items() if k != "slug"},
            "dates_provenance": ILLUSTRATIVE,
        },
    )
    cohort = [boroughs[name] for name in data.BOROUGHS]
    for borough in cohort:
        Participation.objects.get_or_create(lab=lab, borough=borough)
    for name, (status, provenance) in data.SANCTUARY.items():
        Borough.objects.filter(pk=boroughs[name].pk, sanctuary_status="none").update(
            sanctuary_status=status, sanctuary_provenance=provenance
        )
    _sessions_ensure(lab, cohort)
    for entry in data.PILOTS:
        _pilot_ensure(lab, boroughs[entry["borough"]], entry)
    _resources_ensure(lab, boroughs)
    outcomes_ensure(lab)
    return lab


def _sessions_ensure(lab: Lab, cohort: list[Borough]) -> None:
    plan = [
        (Session.Kind.WORKSHOP, data.WORKSHOPS, data.WORKSHOP_DATES, {}),
        (Session.Kind.WEBINAR, data.WEBINARS, data.WEBINAR_DATES, data.WEBINAR_ABSENT),
    ]
    for kind, titles, dates, absent in plan:
        for number, (title, held_on) in enumerate(zip(titles, dates, strict=True), start=1):
            session, created = Session.objects.get_or_create(
                lab=lab,
                kind=kind,
                number=number,
                defaults={"title": title, "held_on": held_on, "date_provenance": ILLUSTRATIVE},
            )
            if not created:
                continue
            Attendance.objects.bulk_create(
                Attendance(
                    session=session,
                    borough=borough,
                    provenance=ILLUSTRATIVE,
                    source_note="Attendance by borough is illustrative.",
                )
                for borough in cohort
                if borough.name not in absent.get(number, [])
            )


def _pilot_ensure(lab: Lab, borough: Borough, entry: dict) -> None:
    if Pilot.objects.filter(lab=lab, borough=borough, title=entry["title"]).exists():
        return
    table = TABLE_1[borough.name]
    stage = entry["stage"]
    started = stage not in ("designing",)
    pilot = Pilot(
        lab=lab,
        borough=borough,
        title=entry["title"],
        activity=table["activities"][entry.get("activity", 0)],
        key_lesson=table["key_lesson"],
        stage=stage,
        planned_start=dt.date(2023, 6, 1),
        planned_end=dt.date(2023, 12, 31),
        actual_start=dt.date(2023, 7, 1) if started else None,
        actual_end=dt.date(2023, 12, 15) if stage == "completed" else None,
        scale_up_plan=(
            "Steps to scale up the project or institutionalise its learning (Table 2: "
            "'all pilots have a clear plan for reaching their completion in 2023')."
        ),
        provenance="reported",
        source_note=data.PILOT_NOTE,
    )
    pilot.milestones = _milestones(stage)
    pilot.partnerships = [
        Partnership(partner=p, partner_type=t, is_new=new, provenance=prov)
        for p, t, new, prov in entry["partnerships"]
    ]
    pilot.practice_changes = [
        PracticeChange(kind=k, description=d, provenance=prov) for k, d, prov in entry["practice"]
    ]
    pilot.evaluations = [
        Evaluation(method=m, measures=w, status=s, planned_at_design_stage=d, provenance=prov)
        for m, w, s, d, prov in entry["evaluations"]
    ]
    pilot.kpis = [
        KPI(
            name=name,
            unit=unit,
            baseline=Decimal(baseline),
            target=Decimal(target),
            frequency=frequency,
            provenance=prov,
            source_note="" if prov == "reported" else "Illustrative KPI.",
            sort_order=order,
        )
        for order, (name, unit, baseline, target, frequency, prov) in enumerate(entry["kpis"])
    ]
    pilot.save()
    pilot.challenges.set(Challenge.objects.filter(slug__in=entry["challenges"]))
    pilot.domains.set(IntegrationDomain.objects.filter(name__in=entry["domains"]))
    pilot.save()
    log(pilot, "wagtail.create")
    pilot.save_revision().publish()
    if started:
        _readings_ensure(pilot)


def _milestones(stage: str) -> list[Milestone]:
    """Three illustrative milestones; most pilots slipped (Table 2: 'a majority of these
    have seen timeline slippage and remain in progress')."""
    launched = stage in ("in_delivery", "completed", "scaling")
    note = "Illustrative milestone."
    return [
        Milestone(
            title="Pilot design agreed",
            due_on=dt.date(2023, 5, 31),
            done_on=dt.date(2023, 5, 31),
            provenance=ILLUSTRATIVE,
            source_note=note,
        ),
        Milestone(
            title="Pilot launched",
            due_on=dt.date(2023, 8, 31),
            done_on=dt.date(2023, 10, 16) if launched else None,
            provenance=ILLUSTRATIVE,
            source_note=note,
        ),
        Milestone(
            title="Pilot complete and reviewed",
            due_on=dt.date(2023, 12, 31),
            done_on=dt.date(2023, 12, 15) if stage == "completed" else None,
            provenance=ILLUSTRATIVE,
            source_note=note,
        ),
    ]


def _readings_ensure(pilot: Pilot) -> None:
    """Illustrative readings for the first periods of each KPI, rising towards target,
    approved: the report published the 2023 figures."""
    for kpi in pilot.kpis.all():
        if kpi.frequency == "monthly":
            periods = [dt.date(2023, m, 1) for m in (7, 8, 9, 10)]
        else:
            periods = [dt.date(2023, 7, 1), dt.date(2023, 10, 1)]
        step = (kpi.target - kpi.baseline) / (len(periods) + 2)
        KPIReading.objects.bulk_create(
            KPIReading(
                kpi=kpi,
                period_start=period,
                value=(kpi.baseline + step * (i + 1)).quantize(Decimal("1")),
                provenance=ILLUSTRATIVE,
                source_note="Illustrative reading.",
                status=KPIReading.Status.APPROVED,
            )
            for i, period in enumerate(periods)
        )


def _resources_ensure(lab: Lab, boroughs: dict[str, Borough]) -> None:
    for owner, title, kind, prov, reused_by in data.RESOURCES:
        resource, created = SharedResource.objects.get_or_create(
            lab=lab,
            borough=boroughs[owner],
            title=title,
            defaults={
                "kind": kind,
                "provenance": prov,
                "source_note": "Kinds of resource exchanged: report §5 and Table 2, Outcome 1. "
                "Who shared it with whom is illustrative.",
            },
        )
        if created:
            log(resource, "wagtail.create")
        for name in reused_by:
            ResourceReuse.objects.get_or_create(
                resource=resource,
                borough=boroughs[name],
                defaults={"provenance": ILLUSTRATIVE, "note": "Illustrative peer exchange."},
            )
