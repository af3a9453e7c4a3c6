"""A pilot's KPIs and their readings, with the one rule of progress to target."""

from decimal import ROUND_HALF_UP, Decimal

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Case, F, FloatField, OuterRef, Subquery, Value, When
from django.db.models.functions import Cast, Greatest, Least
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable, RevisionMixin

from designlab.models import Provenance
from pilots.models.pilots import Pilot, PilotRecordQuerySet


class KPIQuerySet(PilotRecordQuerySet):
    def with_latest_reading(self) -> "KPIQuerySet":
        """Annotate `latest_value` and `latest_period`: the reading of the latest period
        reported, the one progress to target is measured by."""
        latest = KPIReading.objects.filter(kpi=OuterRef("pk")).order_by("-period_start")
        return self.annotate(
            latest_value=Subquery(latest.values("value")[:1]),
            latest_period=Subquery(latest.values("period_start")[:1]),
        )


class KPI(Orderable, Provenance):
    class Unit(models.TextChoices):
        COUNT = "count", "Count"
        PERCENT = "percent", "Percentage (0–100)"
        GBP = "gbp", "Pounds (£)"
        HOURS = "hours", "Hours"
        SCORE = "score", "Score"

    class Direction(models.TextChoices):
        INCREASE = "increase", "Higher is better"
        DECREASE = "decrease", "Lower is better"

    class Frequency(models.TextChoices):
        MONTHLY = "monthly", "Monthly"
        QUARTERLY = "quarterly", "Quarterly"
        ANNUAL = "annual", "Annual"

    pilot = ParentalKey("pilots.Pilot", on_delete=models.CASCADE, related_name="kpis")
    name = models.CharField(max_length=200)
    unit = models.CharField(max_length=8, choices=Unit.choices, default=Unit.COUNT)
    direction = models.CharField(
        max_length=8, choices=Direction.choices, default=Direction.INCREASE
    )
    baseline = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    target = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    frequency = models.CharField(
        max_length=10, choices=Frequency.choices, default=Frequency.QUARTERLY
    )

    objects = KPIQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("unit"),
        FieldPanel("direction"),
        FieldPanel("baseline"),
        FieldPanel("target"),
        FieldPanel("frequency"),
        FieldPanel("provenance"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "KPI"

    def __str__(self) -> str:
        return self.name

    def progress_to_target(self, value: Decimal | None) -> int | None:
        """How far `value` has come from the baseline to the target, in whole per cent:
        0 at (or behind) the baseline, 100 at (or beyond) the target. None without a value,
        a baseline and a target that differs from it. `progress_expression` is the same rule
        for the database."""
        if value is None or self.baseline is None or self.target is None:
            return None
        if self.target == self.baseline:
            return None
        share = (value - self.baseline) / (self.target - self.baseline) * 100
        return self.percent_shown(max(Decimal(0), min(Decimal(100), share)))

    @staticmethod
    def percent_shown(share: float | Decimal) -> int:
        """Progress as every page shows it: whole per cent, halves rounded up. The database
        computes in floating point (67.49999999999999 for 67.5): that noise is rounded
        away first, so a page reading the database agrees with one computing in Python."""
        exact = Decimal(str(share)).quantize(Decimal("1e-6"))
        return int(exact.quantize(Decimal(1), ROUND_HALF_UP))

    @staticmethod
    def figure_shown(value: Decimal | None) -> str:
        """A baseline, target or reading as every page shows it: "–" when there is none
        (0 is a figure, shown as 0), whole numbers without decimals, others with two."""
        if value is None:
            return "–"
        value = Decimal(value).quantize(Decimal("0.01"))
        return str(value.to_integral_value()) if value == value.to_integral_value() else str(value)

    @staticmethod
    def progress_expression(value: str) -> Case:
        """`progress_to_target` in SQL on a queryset of KPIs, for the field or annotation
        `value`, before rounding (so that it can be averaged; show it with `percent_shown`)."""
        share = (
            Cast(F(value) - F("baseline"), FloatField())
            * 100
            / Cast(F("target") - F("baseline"), FloatField())
        )
        return Case(
            # PostgreSQL's GREATEST skips NULLs: rule out missing values first.
            When(**{f"{value}__isnull": True}, then=None),
            When(baseline__isnull=True, then=None),
            When(target__isnull=True, then=None),
            When(target=F("baseline"), then=None),
            default=Greatest(Least(share, Value(100.0)), Value(0.0)),
            output_field=FloatField(),
        )


class KPIReadingQuerySet(models.QuerySet):
    def published(self) -> "KPIReadingQuerySet":
        """Approved readings of published pilots: what reports and the public site count.
        A reading waiting for review, returned or still a draft counts nowhere public."""
        return self.filter(
            status=KPIReading.Status.APPROVED, kpi__pilot__in=Pilot.objects.published()
        )

    def to_review(self) -> "KPIReadingQuerySet":
        return self.filter(status=KPIReading.Status.SUBMITTED)


class KPIReading(RevisionMixin, Provenance):
    """One value of a KPI for one period. Readings are entered often and in bulk, so they
    live outside the pilot's revisions; the period start identifies the period. A reading
    keeps its own revisions: an edit records the value it replaced.

    Its life: a draft, submitted for review, then approved by a convenor (which locks it)
    or returned with the convenor's comment, to be corrected and submitted again. Each
    change of status is in the audit log (`pilots.readings.review`)."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Waiting for review"
        APPROVED = "approved", "Approved"
        RETURNED = "returned", "Returned"

    # Readings and their history outlive any attempt to delete their KPI.
    kpi = models.ForeignKey(KPI, on_delete=models.PROTECT, related_name="readings")
    period_start = models.DateField()
    value = models.DecimalField(max_digits=14, decimal_places=2)
    note = models.CharField(max_length=500, blank=True)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    review_comment = models.TextField(
        blank=True, help_text="Why a convenor returned or reopened the reading."
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = KPIReadingQuerySet.as_manager()

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="kpi_reading")

    class Meta:
        ordering = ["kpi", "period_start"]
        verbose_name = "KPI reading"
        constraints = [
            models.UniqueConstraint(fields=["kpi", "period_start"], name="one_reading_per_period")
        ]

    def __str__(self) -> str:
        return f"{self.kpi}: {self.value} ({self.period_start:%b %Y})"

    @property
    def is_locked(self) -> bool:
        """Approved readings change only after a convenor reopens them."""
        return self.status == self.Status.APPROVED
