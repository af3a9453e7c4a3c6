"""How a pilot's effectiveness and take-up are assessed (the report: "only five of the
eleven local authorities implemented evaluations")."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from designlab.models import Provenance
from pilots.models.pilots import PilotRecordQuerySet


class Evaluation(Orderable, Provenance):
    class Method(models.TextChoices):
        FEEDBACK_FORMS = "feedback_forms", "Feedback forms"
        SURVEY = "survey", "Surveys"
        FOCUS_GROUPS = "focus_groups", "Focus groups"
        INTERVIEWS = "interviews", "Interviews"
        ADMIN_DATA = "admin_data", "Administrative data tracking"
        EXTERNAL = "external", "External evaluation"

    class Status(models.TextChoices):
        PLANNED = "planned", "Planned"
        IN_PROGRESS = "in_progress", "In progress"
        COMPLETE = "complete", "Complete"

    # An evaluation is "implemented" once it is under way or done (report Table 2).
    IMPLEMENTED = (Status.IN_PROGRESS, Status.COMPLETE)

    pilot = ParentalKey("pilots.Pilot", on_delete=models.CASCADE, related_name="evaluations")
    method = models.CharField(max_length=16, choices=Method.choices)
    measures = models.TextField("What will be measured")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PLANNED)
    planned_at_design_stage = models.BooleanField(default=False)
    findings = models.TextField(blank=True)
    report = models.ForeignKey(
        "wagtaildocs.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    panels = [
        FieldPanel("method"),
        FieldPanel("measures"),
        FieldPanel("status"),
        FieldPanel("planned_at_design_stage"),
        FieldPanel("findings"),
        FieldPanel("report"),
        FieldPanel("provenance"),
    ]

    objects = PilotRecordQuerySet.as_manager()

    def __str__(self) -> str:
        return f"{self.get_method_display()} ({self.get_status_display()})"

    @property
    def is_plan(self) -> bool:
        """An evaluation plan names its method and what will be measured."""
        return bool(self.method and (self.measures or "").strip())
