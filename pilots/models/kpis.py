"""A pilot's KPIs and their readings, with the one rule of progress to target and the one
rule of status against the target."""

from decimal import ROUND_HALF_UP, Decimal

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import (
    Case,
    DecimalField,
    F,
    FilteredRelation,
    FloatField,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.expressions import Expression
from django.db.models.functions import Cast, Greatest, Least, Round
from django.db.models.lookups import Exact, IsNull
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable, RevisionMixin

from designlab.models import Provenance
from designlab.models import indicators as measures
from pilots.models.pilots import Pilot, PilotRecordQuerySet


class KPIQuerySet(PilotRecordQuerySet):
    def counting_people(self) -> "KPIQuerySet":
        """The KPIs whose figures may count people: see `KPI.counts_people`."""
        return self.filter(unit=KPI.Unit.COUNT)

    def with_latest_reading(self) -> "KPIQuerySet":
        """Annotate `latest_value` and `latest_period`: the reading of the latest period
        reported, the one progress to target is measured by; and `latest_target`, that
        period's own target (None where the trajectory sets none). Read from joined rows:
        a subquery would be repeated wherever its annotation is used (seven times a KPI
        with progress); here the latest reading is looked up once a KPI, so the export of
        a national Lab's 35,000 KPIs is one query the database writes out."""
        latest = _latest_readings().values("pk")[:1]
        return self.annotate(
            latest_reading=FilteredRelation("readings", condition=Q(readings__pk=Subquery(latest))),
            latest_value=F("latest_reading__value"),
            latest_period=F("latest_reading__period_start"),
            latest_own_target=FilteredRelation(
                "targets", condition=Q(targets__period_start=F("latest_reading__period_start"))
            ),
            latest_target=F("latest_own_target__target"),
        )


def _latest_readings() -> "KPIReadingQuerySet":
    """The readings of the KPI of the query around it (OuterRef "pk"), the latest period's
    first: the reading progress to target is measured by."""
    return KPIReading.objects.filter(kpi=OuterRef("pk")).order_by("-period_start")


class Status(models.TextChoices):
    """Where a reading stands against its target. Always shown as a word with a symbol,
    never by colour alone."""

    ON_TRACK = "on_track", "On track"
    AT_RISK = "at_risk", "At risk"
    OFF_TRACK = "off_track", "Off track"

    @property
    def symbol(self) -> str:
        return {"on_track": "✓", "at_risk": "!", "off_track": "✗"}[self.value]

    @property
    def shown(self) -> str:
        return f"{self.symbol} {self.label}"


class KPI(Orderable, Provenance):
    # Defined once for KPIs and shared indicators alike (`designlab.models.indicators`).
    Unit, Direction, Frequency, Kind = (
        measures.Unit,
        measures.Direction,
        measures.Frequency,
        measures.Kind,
    )

    pilot = ParentalKey("pilots.Pilot", on_delete=models.CASCADE, related_name="kpis")
    name = models.CharField(max_length=200)
    shared_indicator = models.ForeignKey(
        "designlab.SharedIndicator",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="kpis",
        help_text="A Lab's shared indicator this KPI measures: it then follows the "
        "indicator's unit, frequency and kind, so the borough's figures add up with others'.",
    )
    unit = models.CharField(max_length=8, choices=Unit.choices, default=Unit.COUNT)
    direction = models.CharField(
        max_length=8, choices=Direction.choices, default=Direction.INCREASE
    )
    baseline = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    target = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    frequency = models.CharField(
        max_length=10, choices=Frequency.choices, default=Frequency.QUARTERLY
    )
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.PER_PERIOD)
    tolerance = models.DecimalField(
        "Amber band (%)",
        max_digits=5,
        decimal_places=2,
        default=Decimal(15),
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text="How far short of the target still counts as at risk rather than off "
        "track, as a share of the distance from the baseline to the target.",
    )
    entered_as_ratio = models.BooleanField(
        "Entered as numerator and denominator",
        default=False,
        help_text="Percentages only: officers enter the two counts and the percentage is "
        "worked out, so figures can be pooled across boroughs.",
    )
    plausible_min = models.DecimalField(
        "Lowest plausible reading", max_digits=14, decimal_places=2, null=True, blank=True
    )
    plausible_max = models.DecimalField(
        "Highest plausible reading",
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="A reading outside the plausible range is accepted only when the officer "
        "confirms it and says why.",
    )

    # Disaggregation: each reading then holds a value per category (`ReadingPart`).
    split_by = models.ForeignKey(
        "designlab.Breakdown",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="kpis",
        verbose_name="Split by",
        help_text="Record each reading by these categories as well as its total.",
    )

    objects = KPIQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("shared_indicator"),
        FieldPanel("unit"),
        FieldPanel("direction"),
        FieldPanel("baseline"),
        FieldPanel("target"),
        FieldPanel("frequency"),
        FieldPanel("kind"),
        FieldPanel("tolerance"),
        FieldPanel("entered_as_ratio"),
        FieldPanel("plausible_min"),
        FieldPanel("plausible_max"),
        FieldPanel("split_by"),
        FieldPanel("provenance"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "KPI"

    def __str__(self) -> str:
        return self.name

    @property
    def counts_people(self) -> bool:
        """Whether the KPI's figures may count people, so that public pages hide small ones
        (`toolkit.suppression`). Taken to be every KPI measured as a count: a KPI's name is
        free text, so "Hotel staff trained" cannot be told from "Focus groups held", and
        hiding a small count of focus groups costs little. Percentages, pounds, hours and
        scores are not counts of anyone."""
        return self.unit == self.Unit.COUNT

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.entered_as_ratio and self.unit != self.Unit.PERCENT:
            errors["entered_as_ratio"] = "Only a percentage can be entered as two counts."
        low, high = self.plausible_min, self.plausible_max
        if low is not None and high is not None and low > high:
            errors["plausible_max"] = "The highest plausible reading is below the lowest."
        if self.split_by_id and self.entered_as_ratio:
            errors["split_by"] = "A percentage entered as two counts cannot be split by categories."
        if self.shared_indicator_id:
            errors = {**self.shared_indicator.kpi_problems(self), **errors}
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs) -> None:
        if self.shared_indicator_id:
            self.shared_indicator.kpi_follow(self)
        super().save(*args, **kwargs)

    def progress_target(self, period_target: Decimal | None) -> Decimal | None:
        """The target progress is measured against: a cumulative KPI's value to date runs
        to its overall target; a per-period reading is judged by its period's own target
        when the trajectory sets one."""
        if self.kind == self.Kind.CUMULATIVE or period_target is None:
            return self.target
        return period_target

    def progress_to_target(
        self, value: Decimal | None, *, period_target: Decimal | None = None
    ) -> int | None:
        """How far `value` has come from the baseline to the target (`progress_target`), in
        whole per cent: 0 at (or behind) the baseline, 100 at (or beyond) the target. None
        without a value, a baseline and a target that differs from it.
        `progress_expression` is the same rule for the database."""
        target = self.progress_target(period_target)
        if value is None or self.baseline is None or target is None:
            return None
        if target == self.baseline:
            return None
        share = (value - self.baseline) / (target - self.baseline) * 100
        return self.percent_shown(max(Decimal(0), min(Decimal(100), share)))

    def status_against_target(
        self, value: Decimal | None, *, period_target: Decimal | None = None
    ) -> Status | None:
        """On track when `value` meets the target (the period's own target when the
        trajectory sets one, else the KPI's); at risk when it falls short by no more than
        the amber band (`tolerance` per cent of the distance from the baseline to the
        KPI's target); off track beyond. For a cumulative KPI `value` is the total to date.
        None without a value, a baseline or a target."""
        target = self.target if period_target is None else period_target
        if value is None or self.baseline is None or target is None:
            return None
        journey = self.target if self.target is not None else target
        band = abs(journey - self.baseline) * self.tolerance / 100
        shortfall = target - value if self.direction == self.Direction.INCREASE else value - target
        if shortfall <= 0:
            return Status.ON_TRACK
        return Status.AT_RISK if shortfall <= band else Status.OFF_TRACK

    @staticmethod
    def percent_shown(share: float | Decimal) -> int:
        """Progress as every page shows it: whole per cent, halves rounded up. The database
        computes in floating point (67.49999999999999 for 67.5): that noise is rounded
        away first, so a page reading the database agrees with one computing in Python."""
        exact = Decimal(str(share)).quantize(Decimal("1e-6"))
        return int(exact.quantize(Decimal(1), ROUND_HALF_UP))

    @staticmethod
    def percent_expression(share: Expression) -> Cast:
        """`percent_shown` in SQL, of a share such as `progress_expression`, for a table
        the database writes out (COPY). Rounded to six decimals first, as there; SQL
        rounds halves away from zero, which for a share of 0 to 100 is up."""
        exact = Round(Cast(share, DecimalField(max_digits=24, decimal_places=12)), 6)
        return Cast(Round(exact), IntegerField())

    @staticmethod
    def figure_shown(value: Decimal | None) -> str:
        """A baseline, target or reading as every page shows it: "–" when there is none
        (0 is a figure, shown as 0), whole numbers without decimals, others with two."""
        if value is None:
            return "–"
        value = Decimal(value).quantize(Decimal("0.01"))
        return str(value.to_integral_value()) if value == value.to_integral_value() else str(value)

    @staticmethod
    def progress_expression(value: str, period_target: str | None = None) -> Case:
        """`progress_to_target` in SQL on a queryset of KPIs, for the field or annotation
        `value` and, where given, its period's own target `period_target` (the annotation
        `latest_target` of `with_latest_reading`), before rounding (so that it can be
        averaged; show it with `percent_shown`)."""
        target = F("target")
        if period_target is not None:  # the same choice of target as `progress_target`
            own = Q(kind=KPI.Kind.PER_PERIOD, **{f"{period_target}__isnull": False})
            target = Case(When(own, then=F(period_target)), default=F("target"))
        share = (
            Cast(F(value) - F("baseline"), FloatField())
            * 100
            / Cast(target - F("baseline"), FloatField())
        )
        return Case(
            # PostgreSQL's GREATEST skips NULLs: rule out missing values first.
            When(**{f"{value}__isnull": True}, then=None),
            When(baseline__isnull=True, then=None),
            When(IsNull(target, True), then=None),
            When(Exact(target, F("baseline")), then=None),
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

    # Readings and their history outlive any attempt to delete their KPI. No index of its
    # own: the one reading per period's index begins with the KPI, and each index costs a
    # return's 100,000 inserts time.
    kpi = models.ForeignKey(KPI, on_delete=models.PROTECT, related_name="readings", db_index=False)
    period_start = models.DateField()
    value = models.DecimalField(max_digits=14, decimal_places=2)
    note = models.CharField(max_length=500, blank=True)
    what_happened = models.CharField(
        "What happened",
        max_length=1000,
        blank=True,
        help_text="Why the figure differs from the target (or why it fell).",
    )
    next_step = models.CharField("Next step", max_length=1000, blank=True)
    # A percentage entered as two counts keeps both, so figures can be pooled later.
    numerator = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    denominator = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    # An unusual figure (`pilots.readings.quality`) confirmed by the officer: what was
    # unusual and why they say it is right. Empty for every usual figure.
    quality_warning = models.CharField(max_length=300, blank=True)
    quality_reason = models.CharField(max_length=500, blank=True)
    # A count split by categories whose parts do not add up to the total: why (officer).
    parts_reason = models.CharField("Why the categories do not add up", max_length=500, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    review_comment = models.TextField(
        blank=True, help_text="Why a convenor returned or reopened the reading."
    )
    updated_at = models.DateTimeField(auto_now=True)
    # The return whose import created the reading, submitting it for review. Its history
    # shows that submission from the return's own log entry: an import of 100,000
    # readings logs once, not once per reading (`pilots.readings.history`). Django refuses
    # to delete a return that created readings (PROTECT); the database does not check the
    # link of each of its 100,000 rows again at commit (half a second), as they all name
    # the one upload the import holds locked.
    created_by_return = models.ForeignKey(
        "pilots.ReturnUpload",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="readings_created",
        db_constraint=False,
    )

    objects = KPIReadingQuerySet.as_manager()

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="kpi_reading")

    class Meta:
        ordering = ["kpi", "period_start"]
        verbose_name = "KPI reading"
        constraints = [
            models.UniqueConstraint(fields=["kpi", "period_start"], name="one_reading_per_period")
        ]
        # A plain index: `db_index` would add, on PostgreSQL, one for LIKE that nothing uses.
        indexes = [models.Index(fields=["status"], name="kpireading_status")]

    def __str__(self) -> str:
        return f"{self.kpi}: {self.value} ({self.period_start:%b %Y})"

    @property
    def is_locked(self) -> bool:
        """Approved readings change only after a convenor reopens them."""
        return self.status == self.Status.APPROVED
