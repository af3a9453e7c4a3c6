"""The convenors' dashboard: every borough of a Lab at a glance.

Everything is aggregated in the database, one grouped query per panel, so the number of
queries stays the same however many boroughs, pilots and readings there are.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.contrib import messages
from django.db.models import (
    Avg,
    Case,
    Count,
    DecimalField,
    Exists,
    F,
    Max,
    OuterRef,
    Q,
    Subquery,
    When,
)
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView

from designlab.models import (
    Attendance,
    Borough,
    Challenge,
    IntegrationDomain,
    Lab,
    OutcomeSnapshot,
    Session,
)
from pilots.admin_access import convenors_only, forbidden
from pilots.admin_page import AdminPageMixin
from pilots.charts import Bar, bar_chart
from pilots.models import (
    KPI,
    Evaluation,
    KPIReading,
    Milestone,
    Partnership,
    Pilot,
    ResourceReuse,
    Stage,
)
from pilots.outcomes import lab_outcomes, outcomes_snapshot_take
from pilots.scoping import is_convenor

STALE_AFTER_DAYS = 90
NETWORK_EDGES_SHOWN = 50
ATTENTION_SHOWN = 15


@dataclass
class BoroughRow:
    pk: int
    name: str
    pilots: int = 0
    stages: dict = field(default_factory=dict)
    slipped: int = 0
    last_update: dt.datetime | None = None  # the latest change to one of its pilots
    last_period: dt.date | None = None  # the latest period any of its KPIs reported
    evaluated: int = 0
    evaluation_planned: int = 0
    with_kpi: int = 0
    with_reading: int = 0
    with_milestone: int = 0
    with_lesson: int = 0
    with_partner: int = 0
    kpis: int = 0
    kpis_reported: int = 0
    kpis_met: int = 0
    kpi_progress: float | None = None
    attended: dict = field(default_factory=dict)
    stage_counts: list[int] = field(default_factory=list)  # in Stage order, for the table
    attended_counts: list[int] = field(default_factory=list)  # in session-kind order
    shared: int = 0
    reused: int = 0

    @property
    def completeness(self) -> int | None:
        """Share of five things every pilot should have, in per cent."""
        if not self.pilots:
            return None
        filled = self.with_kpi + self.with_reading + self.with_milestone + self.with_lesson
        return round(100 * (filled + self.with_partner) / (5 * self.pilots))

    @property
    def stale(self) -> bool:
        """Neither a pilot changed nor a KPI period reported within STALE_AFTER_DAYS."""
        since = timezone.now() - dt.timedelta(days=STALE_AFTER_DAYS)
        changed = self.last_update is not None and self.last_update >= since
        reported = self.last_period is not None and self.last_period >= since.date()
        return not (changed or reported)


def _late(prefix: str, today: dt.date) -> Q:
    """A milestone done after its due date, or still open past it."""
    return Q(**{f"{prefix}done_on__gt": F(f"{prefix}due_on")}) | Q(
        **{f"{prefix}done_on__isnull": True, f"{prefix}due_on__lt": today}
    )


def _fill(rows: dict[int, BoroughRow], queryset, key: str, **fields) -> None:
    for found in queryset:
        row = rows.get(found[key])
        if row is not None:
            for attr, source in fields.items():
                setattr(row, attr, found[source])


def dashboard_data(lab: Lab, *, challenge=None, domain=None, today: dt.date) -> dict:
    pilots = Pilot.objects.filter(live=True, lab=lab)
    if challenge or domain:
        filtered = pilots.filter(**({"challenges": challenge} if challenge else {}))
        filtered = filtered.filter(**({"domains": domain} if domain else {}))
        pilots = Pilot.objects.filter(pk__in=Subquery(filtered.values("pk")))
    rows = {
        pk: BoroughRow(pk, name)
        for pk, name in Borough.objects.filter(participations__lab=lab).values_list("pk", "name")
    }

    for found in pilots.values("borough_id", "stage").annotate(n=Count("pk")):
        row = rows.get(found["borough_id"])
        if row is not None:
            row.stages[found["stage"]] = found["n"]
            row.pilots += found["n"]

    def has(model, path="pilot", **conditions):
        return Exists(model.objects.filter(**{path: OuterRef("pk")}, **conditions))

    coverage = pilots.values("borough_id").annotate(
        evaluated=Count("pk", filter=has(Evaluation, status__in=Evaluation.IMPLEMENTED)),
        planned=Count("pk", filter=has(Evaluation)),
        with_kpi=Count("pk", filter=has(KPI)),
        with_reading=Count("pk", filter=has(KPIReading, path="kpi__pilot")),
        with_milestone=Count("pk", filter=has(Milestone)),
        with_lesson=Count("pk", filter=~Q(key_lesson="")),
        with_partner=Count("pk", filter=has(Partnership)),
        slipped=Count("pk", filter=Exists(
            Milestone.objects.filter(_late("", today), pilot=OuterRef("pk"))
        )),
        last_update=Max("updated_at"),
    )  # fmt: skip
    _fill(rows, coverage, "borough_id", evaluated="evaluated", evaluation_planned="planned",
          with_kpi="with_kpi", with_reading="with_reading", with_milestone="with_milestone",
          with_lesson="with_lesson", with_partner="with_partner", slipped="slipped",
          last_update="last_update")  # fmt: skip
    latest = KPIReading.objects.filter(kpi=OuterRef("pk")).order_by("-period_start")
    progress = Case(
        When(~Q(target=F("baseline")), then=(F("latest") - F("baseline")) * 100
             / (F("target") - F("baseline"))),
        output_field=DecimalField(max_digits=20, decimal_places=4),
    )  # fmt: skip
    kpis = (
        KPI.objects.filter(pilot__in=pilots)
        .annotate(
            latest=Subquery(latest.values("value")[:1]),
            latest_period=Subquery(latest.values("period_start")[:1]),
        )
        .annotate(progress=progress)
        .values("pilot__borough_id")
        .annotate(
            kpis=Count("pk"),
            reported=Count("pk", filter=Q(latest__isnull=False)),
            met=Count("pk", filter=Q(progress__gte=100)),
            average=Avg("progress"),
            last_period=Max("latest_period"),
        )
    )
    _fill(rows, kpis, "pilot__borough_id", kpis="kpis", kpis_reported="reported",
          kpis_met="met", kpi_progress="average", last_period="last_period")  # fmt: skip

    sessions = dict(Session.objects.filter(lab=lab).values_list("kind").annotate(n=Count("pk")))
    attendance = (
        Attendance.objects.filter(session__lab=lab)
        .values("borough_id", "session__kind")
        .annotate(n=Count("pk"))
    )
    for found in attendance:
        row = rows.get(found["borough_id"])
        if row is not None:
            row.attended[found["session__kind"]] = found["n"]

    exchanges = ResourceReuse.objects.filter(resource__lab=lab).exclude(
        borough_id=F("resource__borough_id")
    )
    shared = exchanges.values("resource__borough_id").annotate(n=Count("pk"))
    _fill(rows, shared, "resource__borough_id", shared="n")
    _fill(rows, exchanges.values("borough_id").annotate(n=Count("pk")), "borough_id", reused="n")
    edges = (
        exchanges.values("resource__borough__name", "borough__name")
        .annotate(n=Count("pk"))
        .order_by("-n", "resource__borough__name", "borough__name")[:NETWORK_EDGES_SHOWN]
    )

    attention = (
        pilots.select_related("borough")
        .annotate(late=Count("milestones", filter=_late("milestones__", today)))
        .filter(late__gt=0)
        .exclude(stage__in=[Stage.COMPLETED, Stage.STOPPED])
        .order_by("-late", "updated_at")[:ATTENTION_SHOWN]
    )
    boroughs = list(rows.values())
    for b in boroughs:
        b.stage_counts = [b.stages.get(value, 0) for value, _ in Stage.choices]
        b.attended_counts = [b.attended.get(kind, 0) for kind in sessions]
    return {
        "boroughs": boroughs,
        "stages": Stage.choices,
        "sessions": sessions,
        "edges": list(edges),
        "attention": list(attention),
        "charts": _charts(boroughs, sessions),
        "totals": {
            "pilots": sum(b.pilots for b in boroughs),
            "evaluated": sum(b.evaluated for b in boroughs),
            "slipped": sum(b.slipped for b in boroughs),
            "stale": sum(1 for b in boroughs if b.stale),
        },
    }


def _charts(boroughs: list[BoroughRow], sessions: dict) -> dict:
    stage_counts = {value: 0 for value, _ in Stage.choices}
    for b in boroughs:
        for stage, n in b.stages.items():
            stage_counts[stage] += n
    held = sum(sessions.values())
    exchanges = [
        Bar(b.name, b.shared + b.reused, f"{b.shared} out, {b.reused} in") for b in boroughs
    ]
    return {
        "exchange": bar_chart(
            "Peer exchanges by borough: its resources reused by others (out), others' reused (in)",
            exchanges,
        ),
        "stages": bar_chart(
            "Published pilots by stage",
            [
                Bar(label, stage_counts[value], str(stage_counts[value]))
                for value, label in Stage.choices
            ],
        ),
        "evaluation": bar_chart(
            "Pilots with an implemented evaluation, by borough (per cent of its pilots)",
            [
                Bar(b.name, _pct(b.evaluated, b.pilots), f"{b.evaluated} of {b.pilots}")
                for b in boroughs
            ],
            maximum=100,
        ),
        "kpis": bar_chart(
            "Average KPI progress to target, by borough (hatched: target met on average)",
            [
                Bar(
                    b.name,
                    float(b.kpi_progress or 0),
                    _progress_text(b),
                    marked=(b.kpi_progress or 0) >= 100,
                )
                for b in boroughs
            ],
            maximum=100,
        ),
        "attendance": bar_chart(
            "Sessions attended, by borough",
            [
                Bar(b.name, sum(b.attended.values()), f"{sum(b.attended.values())} of {held}")
                for b in boroughs
            ],
            maximum=held,
        ),
    }


def _pct(part: int, whole: int) -> float:
    return 100 * part / whole if whole else 0


def _progress_text(b: BoroughRow) -> str:
    if b.kpi_progress is None:
        return "no readings"
    return f"{round(b.kpi_progress)}% ({b.kpis_met} of {b.kpis} KPIs met)"


class DashboardView(AdminPageMixin, TemplateView):
    template_name = "pilots/dashboard/index.html"
    page_title = "Lab dashboard"
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not is_convenor(request.user):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        labs = list(Lab.objects.order_by("-starts_on"))
        lab = _chosen(labs, self.request.GET.get("lab")) or (labs[0] if labs else None)
        challenges, domains = list(Challenge.objects.all()), list(IntegrationDomain.objects.all())
        challenge = _chosen(challenges, self.request.GET.get("challenge"))
        domain = _chosen(domains, self.request.GET.get("domain"))
        context = super().get_context_data(
            labs=labs, lab=lab, challenges=challenges, domains=domains,
            challenge=challenge, domain=domain, stale_after=STALE_AFTER_DAYS, **kwargs,
        )  # fmt: skip
        if lab is not None:
            today = timezone.localdate()
            context.update(dashboard_data(lab, challenge=challenge, domain=domain, today=today))
            context["outcomes"] = lab_outcomes(lab, today=today)
            context["snapshots"] = OutcomeSnapshot.objects.filter(lab=lab)[:8]
        return context


def _chosen(options: list, wanted: str | None):
    """The option whose pk was asked for; None when absent or unknown."""
    return next((option for option in options if str(option.pk) == wanted), None)


@convenors_only
def snapshot_take(request, lab_id: int):
    """Take a snapshot of a Lab's outcomes now (POST only)."""
    lab = get_object_or_404(Lab, pk=lab_id)
    if request.method != "POST":
        return redirect(f"{reverse('lab_dashboard')}?lab={lab.pk}")
    outcomes_snapshot_take(lab)
    messages.success(request, f"Snapshot of {lab}'s outcomes taken.")
    return redirect(f"{reverse('lab_dashboard')}?lab={lab.pk}#outcomes")
