"""A synthetic Lab at any scale, for measuring the dashboard and exports.

Everything it makes is marked: the Lab's slug starts with "synthetic", authorities are
named "Synthetic authority NNN" with GSS codes in the unused "X99" range, and every row
with a provenance says "illustrative". Rows are written with bulk_create in batches, and
readings on PostgreSQL with COPY.
"""

import datetime as dt
import itertools
import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from django.db import connection, models, transaction
from django.utils import timezone

from designlab.models import Attendance, Borough, Lab, Participation, Session
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
    Stage,
)
from pilots.outcomes.lab_2023 import outcomes_ensure

BATCH = 5000
COPY_CHUNK = 100_000
ILLUSTRATIVE = "illustrative"
NOTE = "Synthetic data for performance measurement; describes no real borough."
START = dt.date(2024, 1, 1)


@dataclass(frozen=True)
class Size:
    authorities: int
    pilots_per: int = 10
    kpis_per: int = 10
    readings_per: int = 24  # monthly periods

    @classmethod
    def national(cls, scale: float) -> "Size":
        """scale 1: 350 authorities, 3,500 pilots, 35,000 KPIs, 840,000 readings."""
        return cls(authorities=max(1, round(350 * scale)))


def _month(n: int) -> dt.date:
    return dt.date(START.year + n // 12, n % 12 + 1, 1)


@transaction.atomic
def synthetic_seed(size: Size, *, slug: str = "synthetic-national", seed: int = 1) -> Lab:
    """Create (or replace) the synthetic Lab `slug` at `size`."""
    if not slug.startswith("synthetic"):
        raise ValueError("A synthetic Lab's slug must start with 'synthetic'.")
    rng = random.Random(seed)
    _synthetic_remove(slug)
    lab = Lab.objects.create(
        slug=slug, name=f"Synthetic Lab ({size.authorities} authorities)",
        convenor="Synthetic convenor", starts_on=START, ends_on=_month(size.readings_per),
        description=NOTE, dates_provenance=ILLUSTRATIVE,
    )  # fmt: skip
    boroughs = _boroughs(size.authorities)
    Participation.objects.bulk_create(Participation(lab=lab, borough=b) for b in boroughs)
    published = timezone.now()  # bulk_create skips Pilot.save(), which would set it
    stages = [Stage.DESIGNING, Stage.IN_DELIVERY, Stage.IN_DELIVERY, Stage.COMPLETED]
    Pilot.objects.bulk_create(
        (
            Pilot(
                lab=lab,
                borough=b,
                title=f"Synthetic pilot {i + 1} of {b.name}",
                activity=NOTE,
                key_lesson=NOTE if i % 3 else "",
                stage=rng.choice(stages),
                planned_start=START,
                planned_end=_month(12),
                live=True,
                first_published_at=published,
                provenance=ILLUSTRATIVE,
                source_note=NOTE,
            )  # fmt: skip
            for b in boroughs
            for i in range(size.pilots_per)
        ),
        batch_size=BATCH,
    )
    pilots = list(Pilot.objects.filter(lab=lab).values_list("pk", "borough_id"))
    _children(pilots, size, rng)
    _sessions(lab, boroughs, rng)
    _resources(lab, boroughs, rng)
    outcomes_ensure(lab)
    return lab


def statistics_refresh() -> None:
    """After a bulk load, give PostgreSQL's planner fresh statistics (autovacuum would, a
    little later); without them it may scan every reading once per pilot."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def _synthetic_remove(slug: str) -> None:
    lab = Lab.objects.filter(slug=slug).first()
    if lab is None:
        return
    # Synthetic records only: their readings and reuses are protected from cascades, so
    # they go first, on purpose.
    ResourceReuse.objects.filter(resource__lab=lab).delete()
    KPIReading.objects.filter(kpi__pilot__lab=lab).delete()
    SharedResource.objects.filter(lab=lab).delete()
    Pilot.objects.filter(lab=lab).delete()
    lab.delete()


def _boroughs(n: int) -> list[Borough]:
    wanted = [
        Borough(name=f"Synthetic authority {i:03d}", slug=f"synthetic-{i:03d}",
                gss_code=f"X99{i:06d}", sanctuary_provenance=ILLUSTRATIVE)
        for i in range(1, n + 1)
    ]  # fmt: skip
    Borough.objects.bulk_create(wanted, ignore_conflicts=True, batch_size=BATCH)
    return list(Borough.objects.filter(gss_code__in=[b.gss_code for b in wanted]))


def _children(pilots: list[tuple[int, int]], size: Size, rng: random.Random) -> None:
    marked = {"provenance": ILLUSTRATIVE, "source_note": NOTE}
    Milestone.objects.bulk_create(
        (
            Milestone(
                pilot_id=p,
                title=f"Milestone {m + 1}",
                due_on=_month(4 * m + 3),
                done_on=_month(4 * m + 3 + rng.choice([0, 0, 1])) if m < 2 else None,
                sort_order=m,
                **marked,
            )  # fmt: skip
            for p, _ in pilots
            for m in range(3)
        ),
        batch_size=BATCH,
    )
    statuses = [Evaluation.Status.PLANNED, *Evaluation.IMPLEMENTED]
    Evaluation.objects.bulk_create(
        (
            Evaluation(
                pilot_id=p,
                method=Evaluation.Method.SURVEY,
                measures=NOTE,
                status=rng.choice(statuses),
                **marked,
            )  # fmt: skip
            for p, _ in pilots
            if rng.random() < 0.6
        ),
        batch_size=BATCH,
    )
    Partnership.objects.bulk_create(
        (
            Partnership(
                pilot_id=p,
                partner="Synthetic partner",
                partner_type=rng.choice(Partnership.PartnerType.values),
                is_new=rng.random() < 0.7,
                **marked,
            )  # fmt: skip
            for p, _ in pilots
        ),
        batch_size=BATCH,
    )
    PracticeChange.objects.bulk_create(
        (
            PracticeChange(pilot_id=p, kind=rng.choice(PracticeChange.Kind.values), **marked)
            for p, _ in pilots
            if rng.random() < 0.5
        ),
        batch_size=BATCH,
    )
    KPI.objects.bulk_create(
        (
            KPI(
                pilot_id=p,
                name=f"Synthetic KPI {k + 1}",
                baseline=Decimal(0),
                target=Decimal(100),
                frequency=KPI.Frequency.MONTHLY,
                sort_order=k,
                **marked,
            )  # fmt: skip
            for p, _ in pilots
            for k in range(size.kpis_per)
        ),
        batch_size=BATCH,
    )
    kpis = KPI.objects.filter(pilot_id__in=[p for p, _ in pilots]).order_by("pk")
    # A list, not a server-side cursor: COPY holds the connection while readings are made.
    readings = _readings(list(kpis.values_list("pk", flat=True)), size, rng)
    approved = {"provenance": ILLUSTRATIVE, "status": KPIReading.Status.APPROVED}  # as if reviewed
    if connection.vendor == "postgresql":  # ten times national is 8.4 million readings
        _copy(KPIReading(**approved), ["kpi_id", "period_start", "value"], readings)
        return
    batch = []
    for kpi_id, period_start, value in readings:
        batch.append(KPIReading(kpi_id=kpi_id, period_start=period_start, value=value, **approved))
        if len(batch) >= BATCH:
            KPIReading.objects.bulk_create(batch)
            batch = []
    KPIReading.objects.bulk_create(batch)


def _readings(kpi_ids: Iterable[int], size: Size, rng: random.Random) -> Iterator[tuple]:
    """(KPI id, period, value) of each KPI's monthly readings: a total to date."""
    months = [_month(r) for r in range(size.readings_per)]
    for kpi_id in kpi_ids:
        value = 0
        for month in months:
            value += rng.randint(0, 9)
            yield kpi_id, month, Decimal(value)


def _filled(template: models.Model) -> list[models.Field]:
    return [f for f in template._meta.concrete_fields if not f.primary_key]


def _copy(template: models.Model, columns: list[str], rows: Iterable[tuple]) -> None:
    """Write `rows` (values of the fields `columns`, by attname) with PostgreSQL's COPY,
    every other field as on `template`, as its save would set it (e.g. `auto_now`):
    several times faster than `bulk_create` for millions of rows."""
    fixed = {
        f: f.get_db_prep_save(f.pre_save(template, add=True), connection)
        for f in _filled(template)
        if f.attname not in columns
    }
    by_name = {f.attname: f for f in _filled(template)}
    names = [by_name[name].column for name in columns] + [f.column for f in fixed]
    quote = connection.ops.quote_name
    sql = (f"COPY {quote(template._meta.db_table)} ({', '.join(map(quote, names))}) "
           "FROM STDIN")  # fmt: skip
    constant, rows = tuple(fixed.values()), iter(rows)
    # In chunks, each well within the statement timeout (`DATABASE_STATEMENT_TIMEOUT`).
    while chunk := list(itertools.islice(rows, COPY_CHUNK)):
        with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
            for row in chunk:
                copy.write_row(row + constant)


def _sessions(lab: Lab, boroughs: list[Borough], rng: random.Random) -> None:
    Session.objects.bulk_create(
        Session(
            lab=lab,
            kind=kind,
            number=n,
            title=f"Synthetic {kind} {n}",
            held_on=_month(n * 2),
            date_provenance=ILLUSTRATIVE,
        )  # fmt: skip
        for kind in (Session.Kind.WORKSHOP, Session.Kind.WEBINAR)
        for n in range(1, 6)
    )
    Attendance.objects.bulk_create(
        (
            Attendance(session=s, borough=b, provenance=ILLUSTRATIVE)
            for s in Session.objects.filter(lab=lab)
            for b in boroughs
            if rng.random() < 0.8
        ),
        batch_size=BATCH,
    )


def _resources(lab: Lab, boroughs: list[Borough], rng: random.Random) -> None:
    SharedResource.objects.bulk_create(
        (
            SharedResource(
                lab=lab,
                borough=b,
                title=f"Synthetic resource of {b.name}",
                kind=rng.choice(SharedResource.Kind.values),
                provenance=ILLUSTRATIVE,
                source_note=NOTE,
            )  # fmt: skip
            for b in boroughs
        ),
        batch_size=BATCH,
    )
    resources = list(SharedResource.objects.filter(lab=lab))
    ResourceReuse.objects.bulk_create(
        (
            ResourceReuse(resource=r, borough=b, provenance=ILLUSTRATIVE)
            for r in resources
            for b in rng.sample(boroughs, min(3, len(boroughs)))
            if b.pk != r.borough_id
        ),
        batch_size=BATCH,
        ignore_conflicts=True,
    )
