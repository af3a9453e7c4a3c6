"""The tracker: each borough's pilot initiatives and everything recorded about them.

A pilot and its child records (milestones, KPIs, evaluations, partnerships, practice
changes) are one Wagtail snippet with revisions, drafts, locking and moderation. For a
live pilot the database rows are the *published* version; drafts live in revisions, so
reports and the public site read the tables and never see an unapproved change.
"""

import uuid

from django import forms
from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index

from designlab.models import Borough, Challenge, IntegrationDomain, Lab, Provenance
from pilots.pilot_form import PilotAdminForm


class Stage(models.TextChoices):
    DESIGNING = "designing", "Designing"
    FUNDED = "funded", "Funded"
    IN_DELIVERY = "in_delivery", "In delivery"
    COMPLETED = "completed", "Completed"
    SCALING = "scaling", "Scaling up"
    PAUSED = "paused", "Paused"
    STOPPED = "stopped", "Stopped"


class Pilot(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    Provenance,
    ClusterableModel,
):
    lab = models.ForeignKey(Lab, on_delete=models.PROTECT, related_name="pilots")
    borough = models.ForeignKey(Borough, on_delete=models.PROTECT, related_name="pilots")
    title = models.CharField(max_length=200)
    activity = models.TextField("Activity description")
    challenges = ParentalManyToManyField(Challenge, blank=True, related_name="pilots")
    domains = ParentalManyToManyField(
        IntegrationDomain, blank=True, related_name="pilots", verbose_name="integration domains"
    )
    stage = models.CharField(max_length=12, choices=Stage.choices, default=Stage.DESIGNING)
    planned_start = models.DateField(null=True, blank=True)
    planned_end = models.DateField(null=True, blank=True)
    actual_start = models.DateField(null=True, blank=True)
    actual_end = models.DateField(null=True, blank=True)
    key_lesson = models.TextField(blank=True)
    scale_up_plan = models.TextField("Scale-up plan", blank=True)
    evaluation_override_reason = models.TextField(
        "Delivery without an evaluation plan: reason",
        blank=True,
        help_text="Convenors only: why this pilot may be in delivery without an evaluation plan.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    # Keeps an officer's pilots in their own borough (see pilots.admin_forms), and hands
    # the submitted evaluations to the evaluation gate (pilots.pilot_form).
    base_form_class = PilotAdminForm

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="pilot")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="pilot",
        for_concrete_model=False,
    )

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("lab"),
                    FieldPanel("borough"),
                    FieldPanel("title"),
                    FieldPanel("activity"),
                    FieldPanel("stage"),
                    MultiFieldPanel(
                        [
                            FieldPanel("planned_start"),
                            FieldPanel("planned_end"),
                            FieldPanel("actual_start"),
                            FieldPanel("actual_end"),
                        ],
                        heading="Timeline",
                    ),
                    FieldPanel("challenges", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("domains", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("key_lesson"),
                    FieldPanel("scale_up_plan"),
                    # Without the permission the field is left out of the form, so an
                    # officer's posted override is ignored and the gate still applies.
                    FieldPanel(
                        "evaluation_override_reason", permission="pilots.override_evaluation"
                    ),
                ],
                heading="Pilot",
            ),
            ObjectList([InlinePanel("milestones", label="Milestone")], heading="Milestones"),
            ObjectList([InlinePanel("kpis", label="KPI")], heading="KPIs"),
            ObjectList([InlinePanel("evaluations", label="Evaluation")], heading="Evaluation"),
            ObjectList(
                [
                    InlinePanel("partnerships", label="Partnership"),
                    InlinePanel("practice_changes", label="Practice change"),
                ],
                heading="Partners and practice",
            ),
            ObjectList([FieldPanel("provenance"), FieldPanel("source_note")], heading="Source"),
        ]
    )

    search_fields = [
        index.SearchField("title"),
        index.SearchField("activity"),
        index.SearchField("key_lesson"),
        index.AutocompleteField("title"),
        index.FilterField("borough"),
        index.FilterField("lab"),
        index.FilterField("stage"),
        index.FilterField("live"),
    ]

    class Meta:
        ordering = ["borough__name", "title"]
        permissions = [
            ("override_evaluation", "Can let a pilot into delivery without an evaluation plan")
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        from pilots.evaluation_gate import evaluation_gate_problem

        super().clean()
        # The admin form sets `submitted_evaluations`; other doors check what is recorded.
        evaluations = getattr(self, "submitted_evaluations", None)
        if evaluations is None:
            evaluations = self.evaluations.all()
        problem = evaluation_gate_problem(self, evaluations=evaluations)
        if problem:
            raise ValidationError({"stage": problem})

    def get_preview_template(self, request, mode_name):
        return "pilots/pilot_preview.html"


class Milestone(Orderable, Provenance):
    pilot = ParentalKey(Pilot, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(max_length=200)
    due_on = models.DateField()
    done_on = models.DateField(null=True, blank=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("due_on"),
        FieldPanel("done_on"),
        FieldPanel("provenance"),
    ]

    def __str__(self) -> str:
        return self.title


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

    pilot = ParentalKey(Pilot, on_delete=models.CASCADE, related_name="kpis")
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


class KPIReading(RevisionMixin, Provenance):
    """One value of a KPI for one period. Readings are entered often and in bulk, so they
    live outside the pilot's revisions; the period start identifies the period. A reading
    keeps its own revisions: an edit records the value it replaced."""

    kpi = models.ForeignKey(KPI, on_delete=models.CASCADE, related_name="readings")
    period_start = models.DateField()
    value = models.DecimalField(max_digits=14, decimal_places=2)
    note = models.CharField(max_length=500, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="kpi_reading")

    class Meta:
        ordering = ["kpi", "period_start"]
        verbose_name = "KPI reading"
        constraints = [
            models.UniqueConstraint(fields=["kpi", "period_start"], name="one_reading_per_period")
        ]

    def __str__(self) -> str:
        return f"{self.kpi}: {self.value} ({self.period_start:%b %Y})"


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

    pilot = ParentalKey(Pilot, on_delete=models.CASCADE, related_name="evaluations")
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

    def __str__(self) -> str:
        return f"{self.get_method_display()} ({self.get_status_display()})"


class Partnership(Orderable, Provenance):
    class PartnerType(models.TextChoices):
        VCS = "vcs", "VCS organisation"
        FAITH = "faith", "Faith group"
        NHS = "nhs", "NHS"
        POLICE = "police", "Police"
        SCHOOLS = "schools", "Schools"
        UNIVERSITY = "university", "University"
        HOME_OFFICE = "home_office", "Home Office"
        MIGRANT_HELP = "migrant_help", "Migrant Help"
        ACCOMMODATION = "accommodation", "Accommodation provider"
        BOROUGH = "borough", "Another borough"
        GLA = "gla", "GLA / London Councils"
        COUNCIL = "council", "Council department"

    pilot = ParentalKey(Pilot, on_delete=models.CASCADE, related_name="partnerships")
    partner = models.CharField(max_length=200)
    partner_type = models.CharField(max_length=16, choices=PartnerType.choices)
    is_new = models.BooleanField("New through the Lab", default=True)

    panels = [
        FieldPanel("partner"),
        FieldPanel("partner_type"),
        FieldPanel("is_new"),
        FieldPanel("provenance"),
        FieldPanel("source_note"),
    ]

    def __str__(self) -> str:
        return self.partner


class PracticeChange(Orderable, Provenance):
    """How a borough embedded the Lab's learning (the kinds in report Table 2)."""

    class Kind(models.TextChoices):
        MULTI_AGENCY = "multi_agency", "New multi-agency or cross-borough channel"
        UPSKILLING = "upskilling", "Upskilling or expanding the asylum team from others' practice"
        CO_DESIGN = "co_design", "Consultation and co-design with asylum-seeking residents"
        DEFINITION = "definition", "Formalised working definition of integration"
        OUTCOMES = "outcomes", "Integration outcomes embedded in services"
        ACCOMMODATION = "accommodation", "Closer communication with accommodation providers"

    pilot = ParentalKey(Pilot, on_delete=models.CASCADE, related_name="practice_changes")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    description = models.TextField(blank=True)

    panels = [
        FieldPanel("kind"),
        FieldPanel("description"),
        FieldPanel("provenance"),
        FieldPanel("source_note"),
    ]

    def __str__(self) -> str:
        return self.get_kind_display()


class SharedResource(index.Indexed, Provenance):
    """Something a borough shares with the cohort: a document or a link."""

    class Kind(models.TextChoices):
        WELCOME_PACK = "welcome_pack", "Welcome or induction pack"
        TERMS_OF_REFERENCE = "terms_of_reference", "Terms of reference"
        SAFEGUARDING = "safeguarding", "Safeguarding tool"
        TRAINING = "training", "Training material"
        STRATEGY = "strategy", "Strategy or business case"
        EVALUATION = "evaluation", "Evaluation instrument"
        CONTACTS = "contacts", "Contact list"
        DATA_SOURCE = "data_source", "Data source"
        REPORT = "report", "Report"

    class Visibility(models.TextChoices):
        PARTICIPANTS = "participants", "Lab participants only"
        PUBLIC = "public", "Public, once a convenor approves"

    lab = models.ForeignKey(Lab, on_delete=models.PROTECT, related_name="resources")
    borough = models.ForeignKey(Borough, on_delete=models.PROTECT, related_name="resources")
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    description = models.TextField(blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    url = models.URLField(blank=True)
    visibility = models.CharField(
        max_length=12, choices=Visibility.choices, default=Visibility.PARTICIPANTS
    )
    approved_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    search_fields = [
        index.SearchField("title"),
        index.SearchField("description"),
        index.AutocompleteField("title"),
        index.FilterField("borough"),
        index.FilterField("lab"),
        index.FilterField("visibility"),
    ]

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_public(self) -> bool:
        return self.visibility == self.Visibility.PUBLIC and self.approved_at is not None


class ResourceReuse(Provenance):
    """Another borough reused a shared resource: a peer exchange."""

    resource = models.ForeignKey(SharedResource, on_delete=models.CASCADE, related_name="reuses")
    borough = models.ForeignKey(Borough, on_delete=models.PROTECT, related_name="reuses")
    reused_on = models.DateField(auto_now_add=True)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["resource", "borough"], name="one_reuse_per_borough")
        ]

    def __str__(self) -> str:
        return f"{self.borough} reused {self.resource}"


def return_upload_path(instance, filename: str) -> str:
    """A generated name: nothing of the uploader's file name reaches the file system."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"returns/{uuid.uuid4().hex}.{extension}"


class ReturnUpload(models.Model):
    """A spreadsheet return an officer uploaded, and what became of it. The import runs
    in a Celery task; the row is the status page."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        DONE = "done", "Imported"
        REFUSED = "refused", "Refused"

    borough = models.ForeignKey(Borough, on_delete=models.PROTECT, related_name="return_uploads")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    file = models.FileField(upload_to=return_upload_path)
    original_name = models.CharField(max_length=255)
    sha256 = models.CharField(max_length=64, db_index=True)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.QUEUED)
    problems = models.JSONField(default=list, blank=True)
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    uploaded_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-uploaded_at"]

    def __str__(self) -> str:
        return f"{self.original_name} ({self.borough})"


class NotificationSent(models.Model):
    """One email of one kind for one period: the unique row makes a retried task skip
    what was already sent."""

    class Kind(models.TextChoices):
        REMINDER = "reminder", "Overdue return reminder"
        ROUNDUP = "roundup", "Weekly round-up"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    period = models.CharField(max_length=20, help_text="The due period or the round-up week.")
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind", "period"], name="one_email_per_period")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} for {self.user} ({self.period})"
