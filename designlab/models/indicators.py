"""A Lab's shared indicators: measures that several boroughs (and several Labs) track the
same way, so that their figures add up. The units, directions, frequencies and kinds of
measurement are defined here, once, for indicators and pilots' KPIs alike."""

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from designlab.models.labs import Lab
from designlab.models.provenance import Provenance


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


class Kind(models.TextChoices):
    PER_PERIOD = "per_period", "Per period: each reading counts that period alone"
    CUMULATIVE = "cumulative", "Cumulative: each reading is the total to date"


# Scores do not add up across boroughs, nor pool: they cannot be a shared indicator.
POOLABLE_UNITS = [(unit.value, unit.label) for unit in Unit if unit != Unit.SCORE]
# What a KPI that adopts an indicator takes from it.
FOLLOWED = ("unit", "frequency", "kind")


class SharedIndicator(index.Indexed, Provenance):
    """An indicator a convenor defines for one or more Labs. A pilot's KPI adopts it and
    then follows its unit, frequency and kind, so each borough's figures for a period add
    up to the Lab's: counts (and pounds, hours) are summed; percentages are pooled from
    their numerators and denominators, never averaged (`pilots.indicators.rollup`)."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, unique=True)
    definition = models.TextField(
        help_text="What is counted, and what is not: every borough must measure it alike."
    )
    unit = models.CharField(max_length=8, choices=POOLABLE_UNITS, default=Unit.COUNT)
    direction = models.CharField(
        max_length=8, choices=Direction.choices, default=Direction.INCREASE
    )
    frequency = models.CharField(
        max_length=10, choices=Frequency.choices, default=Frequency.QUARTERLY
    )
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.PER_PERIOD)
    labs = models.ManyToManyField(
        Lab, related_name="shared_indicators", help_text="The Labs whose pilots may adopt it."
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("definition"),
        FieldPanel("unit"),
        FieldPanel("direction"),
        FieldPanel("frequency"),
        FieldPanel("kind"),
        FieldPanel("labs"),
        FieldPanel("provenance"),
        FieldPanel("source_note"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("id"),  # an officer searches their own Labs' (LabPermissionPolicy)
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def pools_by_ratio(self) -> bool:
        return self.unit == Unit.PERCENT

    def clean(self) -> None:
        super().clean()
        if self.pk is None:
            return
        # Readings already recorded were measured the old way: they would no longer add up.
        before = SharedIndicator.objects.filter(pk=self.pk).values(*FOLLOWED).first() or {}
        changed = [
            name
            for name in FOLLOWED
            if before.get(name, getattr(self, name)) != getattr(self, name)
        ]
        adopted = self.kpis.count() if changed else 0
        if adopted:
            who = "1 KPI adopts" if adopted == 1 else f"{adopted} KPIs adopt"
            raise ValidationError({
                name: f"{who} this indicator: its {name} cannot change, or the readings "
                "already recorded would no longer add up."
                for name in changed
            })  # fmt: skip

    def kpi_problems(self, kpi: models.Model) -> dict[str, str]:
        """Why `kpi` (a pilot's KPI) cannot adopt this indicator as it stands, by field:
        it must be measured the same way, and (a percentage) entered as numerator and
        denominator so that it pools; its pilot's Lab must use the indicator."""
        problems = {}
        for name in FOLLOWED:
            if getattr(kpi, name) != getattr(self, name):
                ours = getattr(self, f"get_{name}_display")()
                problems[name] = (
                    f"The shared indicator “{self.name}” is measured with {name} “{ours}”: "
                    f"choose “{ours}” here too, or do not adopt the indicator."
                )
        if self.pools_by_ratio and not kpi.entered_as_ratio:
            problems["entered_as_ratio"] = (
                f"The shared indicator “{self.name}” pools percentages from their numerators "
                "and denominators: tick “Entered as numerator and denominator”."
            )
        lab_id = getattr(_pilot_of(kpi), "lab_id", None)
        if lab_id is not None and not self.labs.filter(pk=lab_id).exists():
            problems["shared_indicator"] = (
                f"“{self.name}” is not a shared indicator of this pilot's Lab: choose one of "
                "its Lab's indicators, or none."
            )
        return problems

    def kpi_follow(self, kpi: models.Model) -> None:
        """Make `kpi` measured as this indicator is (saving a KPI that adopts it)."""
        for name in FOLLOWED:
            setattr(kpi, name, getattr(self, name))
        if self.pools_by_ratio:
            kpi.entered_as_ratio = True


def _pilot_of(kpi: models.Model) -> models.Model | None:
    """The KPI's pilot: in the pilot's editor, the pilot being edited (its Lab as posted)."""
    cached = kpi._meta.get_field("pilot").get_cached_value(kpi, None)
    return cached if cached is not None or kpi.pilot_id is None else kpi.pilot
