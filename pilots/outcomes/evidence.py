"""How strong the evidence behind a rating is: a grade worked out from the records each
time it is shown (never stored), by one rule stated in words (`EVIDENCE_RULE`) on every
page that shows a grade. For a Lab's outcomes, each pilot's figures below are kept with its
other figures (`PilotFigures`) and summed.

The records behind a rating are published pilots with their evaluations, partnerships,
practice changes and KPI readings: for an outcome, the pilots of the boroughs its measures
counted; for a case study, its one pilot. Four figures decide the grade:

- the share of records stated in the source rather than illustrative (pilots and their
  evaluations, partnerships and practice changes);
- the pilots with an evaluation under way or complete, and those with a *completed*
  evaluation by a systematic method (anything but feedback forms alone);
- the share of KPI readings sent for review that a convenor approved.
"""

from dataclasses import dataclass
from decimal import Decimal
from operator import add

from django.db import models
from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from designlab.models import Provenance
from pilots.models import Evaluation, KPIReading, Partnership, Pilot, PracticeChange
from pilots.outcomes.flags import evaluation_implemented


class Grade(models.TextChoices):
    # Declared from strongest to weakest.
    STRONG = "strong", "Strong"
    MODERATE = "moderate", "Moderate"
    LIMITED = "limited", "Limited"
    ILLUSTRATIVE = "illustrative", "Illustrative only"


# The thresholds of the rule, as fractions, and the rule in the words every page shows.
MOSTLY = Decimal("0.8")
HALF = Decimal("0.5")
EVIDENCE_RULE = (
    "Strength of evidence is graded from the published records behind a rating. "
    "Illustrative only: fewer than half of those records (pilots and their evaluations, "
    "partnerships and practice changes) are stated in the source; the rest were assigned "
    "for illustration. "
    "Strong: at least 80% of the records are stated in the source, at least half of the "
    "pilots have a completed evaluation by a method other than feedback forms alone, and a "
    "convenor approved at least 80% of the KPI readings sent for review. "
    "Moderate: at least half of the pilots have an evaluation under way or complete, and at "
    "least half of the readings sent for review are approved. "
    "Limited: anything less, such as pilots without an evaluation or readings not yet "
    "approved."
)

# A completed evaluation by one of these counts towards Strong.
SYSTEMATIC_METHODS = [m for m in Evaluation.Method.values if m != Evaluation.Method.FEEDBACK_FORMS]


@dataclass(frozen=True)
class Evidence:
    """The figures behind a grade, summed over pilots (`+` adds two together)."""

    pilots: int = 0
    records: int = 0
    reported: int = 0  # records stated in the source
    evaluated: int = 0  # pilots with an evaluation under way or complete
    completed: int = 0  # pilots with a completed evaluation by a systematic method
    readings: int = 0  # readings sent for review (drafts are the officer's own)
    approved: int = 0

    def __add__(self, other: "Evidence") -> "Evidence":
        # Not `astuple`: it deep-copies, and a national Lab adds thousands of these.
        return Evidence(*map(add, vars(self).values(), vars(other).values()))

    @property
    def grade(self) -> Grade:
        """The grade by `EVIDENCE_RULE`."""
        if self.records and _share(self.reported, self.records) < HALF:
            return Grade.ILLUSTRATIVE
        approved = _share(self.approved, self.readings)
        if (
            _share(self.reported, self.records) >= MOSTLY
            and _share(self.completed, self.pilots) >= HALF
            and approved >= MOSTLY
        ):
            return Grade.STRONG
        if _share(self.evaluated, self.pilots) >= HALF and approved >= HALF:
            return Grade.MODERATE
        return Grade.LIMITED

    @property
    def grade_label(self) -> str:
        return self.grade.label

    @property
    def summary(self) -> str:
        """The figures in words, beside the grade."""
        return (
            f"{self.reported} of {self.records} records stated in the source; "
            f"{self.evaluated} of {self.pilots} pilots evaluated, {self.completed} with a "
            f"completed systematic evaluation; {self.approved} of {self.readings} readings "
            "approved"
        )


def _share(part: int, whole: int) -> Decimal:
    """part / whole; nothing behind it counts as none (a grade needs records)."""
    return Decimal(part) / Decimal(whole) if whole else Decimal(0)


def _count(queryset: QuerySet, path: str = "pilot") -> Coalesce:
    per_pilot = queryset.filter(**{path: OuterRef("pk")}).order_by().values(path)
    return Coalesce(Subquery(per_pilot.annotate(n=Count("pk")).values("n")), Value(0))


def pilots_with_evidence(pilots: QuerySet[Pilot]) -> QuerySet[Pilot]:
    """`pilots` annotated with the figures `pilot_evidence` reads, in the same query."""
    reported = Q(provenance=Provenance.REPORTED)
    sent = KPIReading.objects.exclude(status=KPIReading.Status.DRAFT)
    evaluations = Evaluation.objects.filter(pilot=OuterRef("pk"))
    return pilots.annotate(
        ev_records=_count(Evaluation.objects.all())
        + _count(Partnership.objects.all())
        + _count(PracticeChange.objects.all()),
        ev_reported=_count(Evaluation.objects.filter(reported))
        + _count(Partnership.objects.filter(reported))
        + _count(PracticeChange.objects.filter(reported)),
        ev_evaluated=evaluation_implemented(),
        ev_completed=Exists(
            evaluations.filter(status=Evaluation.Status.COMPLETE, method__in=SYSTEMATIC_METHODS)
        ),
        ev_readings=_count(sent, "kpi__pilot"),
        ev_approved=_count(sent.filter(status=KPIReading.Status.APPROVED), "kpi__pilot"),
    )


def pilot_evidence(pilot: Pilot) -> Evidence:
    """The evidence of one pilot, from `pilots_with_evidence`'s annotations (fetched when
    `pilot` came without them)."""
    if not hasattr(pilot, "ev_records"):
        pilot = pilots_with_evidence(Pilot.objects.filter(pk=pilot.pk)).get()
    return Evidence(
        pilots=1,
        records=1 + pilot.ev_records,
        reported=int(pilot.provenance == Provenance.REPORTED) + pilot.ev_reported,
        evaluated=int(pilot.ev_evaluated),
        completed=int(pilot.ev_completed),
        readings=pilot.ev_readings,
        approved=pilot.ev_approved,
    )
