"""Success criteria: a Lab's outcomes, the measures that evidence them, and snapshots of
their ratings over time.

The vocabulary of measures lives here; how each is counted from the records lives in
`pilots.outcomes` (the Lab does not read the tracker; the tracker reads the Lab).
"""

from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable


class Measure(models.TextChoices):
    """The library of measures a convenor may attach to an outcome. Each counts boroughs
    (or pilots) that meet a condition over published records."""

    PILOT_DESIGNED = "pilot_designed", "Boroughs that designed a pilot"
    PILOTS_ON_TRACK = "pilots_on_track", "Pilots completed or on track"
    EVALUATION_IMPLEMENTED = "evaluation_implemented", "Boroughs with an implemented evaluation"
    NEW_PARTNERSHIP = "new_partnership", "Boroughs with a new partnership"
    ACCOMMODATION_CONTACT = (
        "accommodation_contact",
        "Boroughs in contact with accommodation providers",
    )
    RESOURCES_EXCHANGED = (
        "resources_exchanged",
        "Boroughs that exchanged resources with another borough",
    )
    ALL_WORKSHOPS = "all_workshops", "Boroughs that attended every workshop"
    PRACTICE_MULTI_AGENCY = (
        "practice_multi_agency",
        "Boroughs setting up new multi-agency or cross-borough channels",
    )
    PRACTICE_UPSKILLING = (
        "practice_upskilling",
        "Boroughs upskilling or expanding their asylum team from others' practice",
    )
    PRACTICE_CO_DESIGN = (
        "practice_co_design",
        "Boroughs with new consultation and co-design with asylum-seeking residents",
    )
    PRACTICE_DEFINITION = (
        "practice_definition",
        "Boroughs formalising a working definition of integration",
    )
    PRACTICE_OUTCOMES = (
        "practice_outcomes",
        "Boroughs embedding integration outcomes in services",
    )
    PRACTICE_ACCOMMODATION = (
        "practice_accommodation",
        "Boroughs in closer communication with accommodation providers",
    )
    PILOTS_SUSTAINED_12_MONTHS = (
        "pilots_sustained_12_months",
        "Pilots sustained 12 months after the Lab",
    )


class Rating(models.TextChoices):
    # Declared from worst to best: an outcome takes the lowest rating of its rated measures.
    NOT_MET = "not_met", "Not met"
    PARTIAL = "partial", "Partial success"
    SUCCESS = "success", "Success"


class Outcome(ClusterableModel):
    """One of a Lab's outcomes (the report's Table 2), judged by its measures."""

    lab = models.ForeignKey("designlab.Lab", on_delete=models.CASCADE, related_name="outcomes")
    number = models.PositiveSmallIntegerField()
    statement = models.TextField(help_text="What the Lab set out to achieve, in full.")

    panels = [
        FieldPanel("lab"),
        FieldPanel("number"),
        FieldPanel("statement"),
        InlinePanel("measures", label="Measure", min_num=1),
    ]

    class Meta:
        ordering = ["lab", "number"]
        constraints = [
            models.UniqueConstraint(fields=["lab", "number"], name="one_outcome_number_per_lab")
        ]

    def __str__(self) -> str:
        return f"{self.lab} — Outcome {self.number}"


class OutcomeMeasure(Orderable):
    """A measure from the library, with the thresholds that rate it. An evidence-only
    measure is shown with its count and boroughs but does not affect the rating."""

    outcome = ParentalKey(Outcome, on_delete=models.CASCADE, related_name="measures")
    measure = models.CharField(max_length=32, choices=Measure.choices)
    rated = models.BooleanField(
        default=True, help_text="Unticked: shown as evidence, does not affect the rating."
    )
    success_from = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Success when the count reaches this."
    )
    partial_from = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Partial success when the count reaches this."
    )
    rationale = models.TextField(blank=True, help_text="Why these thresholds.")

    panels = [
        FieldPanel("measure"),
        FieldPanel("rated"),
        MultiFieldPanel(
            [FieldPanel("success_from"), FieldPanel("partial_from")], heading="Thresholds"
        ),
        FieldPanel("rationale"),
    ]

    def clean(self) -> None:
        super().clean()
        if not self.rated:
            return
        errors = {}
        if self.success_from is None:
            errors["success_from"] = "A rated measure needs a threshold for Success."
        if self.partial_from is None:
            errors["partial_from"] = "A rated measure needs a threshold for Partial success."
        if errors:
            raise ValidationError(errors)
        if self.partial_from > self.success_from:
            raise ValidationError(
                {"partial_from": "Partial success cannot need more than Success."}
            )

    def __str__(self) -> str:
        return self.get_measure_display()


class OutcomeSnapshot(models.Model):
    """The computed outcomes of a Lab at one moment, so convenors see how ratings moved."""

    lab = models.ForeignKey(
        "designlab.Lab", on_delete=models.CASCADE, related_name="outcome_snapshots"
    )
    taken_at = models.DateTimeField(auto_now_add=True, db_index=True)
    results = models.JSONField(help_text="The outcomes with their measures, as computed.")

    class Meta:
        ordering = ["lab", "-taken_at"]
        get_latest_by = "taken_at"

    def __str__(self) -> str:
        return f"{self.lab} outcomes at {self.taken_at:%Y-%m-%d %H:%M}"
