"""A borough's pilot initiative, with the rules about it: when it counts as published, when
it is in delivery, and the evaluation gate.

A pilot and its child records (milestones, KPIs, evaluations, partnerships, practice
changes) are one Wagtail snippet with revisions, drafts, locking and moderation. For a
live pilot the database rows are the *published* version; drafts live in revisions, so
reports and the public site read the tables and never see an unapproved change.
"""

import datetime as dt
from collections.abc import Iterable

from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import CharField, Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Cast, Coalesce
from django.http import HttpRequest
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
    WorkflowState,
)
from wagtail.search import index

from designlab.models import Borough, Challenge, IntegrationDomain, Lab, Provenance

EVALUATION_GATE = (
    "A pilot cannot move into delivery without an evaluation plan. Add one on the "
    "Evaluation tab (the method and what will be measured) and save, or ask a convenor "
    "to record why this pilot may go ahead without one."
)


class Stage(models.TextChoices):
    DESIGNING = "designing", "Designing"
    FUNDED = "funded", "Funded"
    IN_DELIVERY = "in_delivery", "In delivery"
    COMPLETED = "completed", "Completed"
    SCALING = "scaling", "Scaling up"
    PAUSED = "paused", "Paused"
    STOPPED = "stopped", "Stopped"

    @classmethod
    def delivery(cls) -> frozenset[str]:
        """The stages at or past delivery: a pilot reaches them only with an evaluation plan."""
        return frozenset({cls.IN_DELIVERY, cls.COMPLETED, cls.SCALING})

    @classmethod
    def running(cls) -> frozenset[str]:
        """The stages in which a pilot owes readings (a paused pilot owes nothing new)."""
        return frozenset({cls.IN_DELIVERY, cls.SCALING})


class Approval(models.TextChoices):
    """Where a pilot's latest changes are on their way to the GLA, in the words officers
    read on their home page and in the pilots list."""

    DRAFT = "draft", "Draft saved, not yet sent to the GLA"
    WAITING = "waiting", "Waiting for the GLA's approval"
    CHANGES = "changes", "The GLA asked for changes: not yet sent again"
    APPROVED = "approved", "Approved by the GLA"


class PilotQuerySet(models.QuerySet):
    def published(self) -> "PilotQuerySet":
        """Pilots whose database rows are an approved version: what reports and the public
        site read."""
        return self.filter(live=True)

    def ever_published(self) -> "PilotQuerySet":
        """Pilots that are or once were published: their records may have been counted in
        reports and outcomes, so they are unpublished (archived), never deleted. Wagtail
        keeps `first_published_at` when a pilot is unpublished."""
        return self.filter(
            Q(live=True) | Q(first_published_at__isnull=False) | Q(live_revision__isnull=False)
        )

    def with_readings(self) -> "PilotQuerySet":
        """Pilots with a KPI reading."""
        return self.filter(kpis__readings__isnull=False).distinct()

    def deletable(self) -> "PilotQuerySet":
        """Drafts never published and without KPI readings: the only pilots that may be
        deleted (see `Pilot.deletion_problem`)."""
        return self.exclude(pk__in=self.ever_published().values("pk")).exclude(
            pk__in=self.with_readings().values("pk")
        )

    def adapted_from_another_borough(self) -> "PilotQuerySet":
        """Pilots adapted from a published pilot of a different borough: practice that
        travelled between councils (the measure library counts these)."""
        return self.filter(adapted_from__live=True).exclude(adapted_from__borough=F("borough"))

    def in_delivery(self) -> "PilotQuerySet":
        return self.filter(stage__in=Stage.delivery())

    def with_late_milestones(self, today: dt.date) -> "PilotQuerySet":
        """Annotate `late_milestones` (done late or still open past their due date) and
        `overdue_milestones` (the late ones still open): see `Milestone.objects`."""
        milestones = self.model._meta.get_field("milestones").related_model.objects

        def count(queryset: models.QuerySet) -> Coalesce:
            per_pilot = queryset.filter(pilot=OuterRef("pk")).order_by().values("pilot")
            return Coalesce(Subquery(per_pilot.annotate(n=Count("pk")).values("n")), 0)

        return self.annotate(
            late_milestones=count(milestones.late(today)),
            overdue_milestones=count(milestones.overdue(today)),
        )

    def furthest_behind(self, today: dt.date, shown: int) -> "PilotQuerySet":
        """The `shown` pilots with the most late milestones (then the longest unchanged),
        annotated as `with_late_milestones`: the late milestones are counted in one grouped
        pass, so that only the pilots shown are annotated however many there are."""
        milestones = self.model._meta.get_field("milestones").related_model.objects
        most_late = (
            milestones.late(today)
            .filter(pilot__in=self.values("pk"))
            .values("pilot")
            .annotate(n=Count("pk"))
            .order_by("-n", "pilot__updated_at", "pilot")
            .values("pilot")[:shown]
        )
        return (
            self.model.objects.filter(pk__in=Subquery(most_late))
            .with_late_milestones(today)
            .order_by("-late_milestones", "updated_at", "pk")
        )

    def with_approval(self) -> "PilotQuerySet":
        """Annotate `workflow_status`, so that `Pilot.approval()` asks nothing more."""
        active = WorkflowState.objects.active().filter(
            base_content_type=ContentType.objects.get_for_model(self.model),
            object_id=Cast(OuterRef("pk"), CharField()),
        )
        return self.annotate(workflow_status=Subquery(active.values("status")[:1]))


class PilotRecordQuerySet(models.QuerySet):
    """The rows a pilot is made of (milestones, KPIs, evaluations, …)."""

    def published(self) -> "PilotRecordQuerySet":
        """Rows of published pilots: for a live pilot they are its approved version."""
        return self.filter(pilot__in=Pilot.objects.published())


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
    # Practice lineage: the pilot (any borough, any Lab) this one adapted, and how.
    adapted_from = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="adaptations",
        help_text="A published pilot, of any borough or Lab, that this pilot adapted.",
    )
    adaptation_note = models.TextField(
        "What changed",
        blank=True,
        help_text="What this pilot changed from the practice it adapted, and why.",
    )

    objects = PilotQuerySet.as_manager()

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="pilot")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="pilot",
        for_concrete_model=False,
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

    def approval(self) -> Approval:
        """Where the pilot's latest changes are: a draft not yet sent, waiting for the
        GLA, sent back with changes asked for, or approved (published as it is)."""
        if hasattr(self, "workflow_status"):  # annotated by `with_approval()`
            status = self.workflow_status
        else:
            state = self.current_workflow_state
            status = state.status if state else None
        if status == WorkflowState.STATUS_IN_PROGRESS:
            return Approval.WAITING
        if status == WorkflowState.STATUS_NEEDS_CHANGES:
            return Approval.CHANGES
        if self.has_unpublished_changes or not self.live:
            return Approval.DRAFT
        return Approval.APPROVED

    def has_evaluation_plan(self, evaluations: Iterable | None = None) -> bool:
        """Whether one of `evaluations` (default: the recorded ones) is a plan."""
        evaluations = self.evaluations.all() if evaluations is None else evaluations
        return any(evaluation.is_plan for evaluation in evaluations)

    def evaluation_gate_problem(self, evaluations: Iterable) -> str | None:
        """Why the pilot may not be saved with its stage, or None when it may: the report's
        main lesson is to build evaluation in at design stage, so a pilot moves into delivery
        only with a plan, unless a convenor recorded why it may go ahead without one.

        Only the move into delivery is checked: pilots already in delivery are flagged on
        the officer's home page instead of being frozen. A paused or stopped pilot moving
        into delivery is checked too, or pausing at design stage would get round the gate."""
        if self.stage not in Stage.delivery() or self.evaluation_override_reason.strip():
            return None
        previous = Pilot.objects.filter(pk=self.pk).values_list("stage", flat=True).first()
        if previous in Stage.delivery() or self.has_evaluation_plan(evaluations):
            return None
        return EVALUATION_GATE

    def deletion_problem(self) -> str | None:
        """Why this pilot may not be deleted (by anyone), or None: only a draft that was
        never published and holds no KPI readings may go, because deleting a pilot deletes
        its KPIs, milestones and evaluations with it."""
        pilots = Pilot.objects.filter(pk=self.pk)
        if pilots.ever_published().exists():
            return (
                f"“{self}” has been published, so it is kept with its KPI readings and "
                "their history. A convenor can unpublish it instead."
            )
        if pilots.with_readings().exists():
            return f"“{self}” has KPI readings, so it is kept with them and their history."
        return None

    def save(self, *args, **kwargs) -> None:
        # Loaders create live pilots directly: they count as published from then on too.
        if self.live and self.first_published_at is None:
            self.first_published_at = timezone.now()
        update_fields = kwargs.get("update_fields")
        if self.pk is not None and (update_fields is None or "kpis" in update_fields):
            self.kpis_with_readings_keep()
        super().save(*args, **kwargs)

    def kpis_with_readings_keep(self) -> None:
        """Put back the KPIs with readings that the version being saved leaves out.

        The editor refuses to remove such a KPI (`pilots.admin.pilot_form`), but a draft
        that removed a KPI before its first reading arrived may be approved later;
        publishing it would delete the KPI with its readings (the database refuses: they
        are protected), so the KPI stays."""
        kept = [kpi.pk for kpi in self.kpis.all() if kpi.pk is not None]
        counted = self.kpis.model.objects.filter(pilot_id=self.pk, readings__isnull=False)
        missing = list(counted.exclude(pk__in=kept).distinct())
        if missing:
            self.kpis.add(*missing)

    def clean(self) -> None:
        super().clean()
        # The admin form sets `submitted_evaluations`; other doors check what is recorded.
        evaluations = getattr(self, "submitted_evaluations", None)
        if evaluations is None:
            evaluations = self.evaluations.all()
        problem = self.evaluation_gate_problem(evaluations)
        if problem:
            raise ValidationError({"stage": problem})
        problem = self.adapted_from_problem()
        if problem:
            raise ValidationError({"adapted_from": problem})

    def adapted_from_problem(self) -> str | None:
        """Why `adapted_from` cannot stand, or None: a pilot is not adapted from itself,
        nor from a pilot that (through others) was adapted from it."""
        source, seen = self.adapted_from, set()
        while source is not None and source.pk not in seen:
            if self.pk is not None and source.pk == self.pk:
                if source is self.adapted_from:
                    return "A pilot cannot be adapted from itself."
                return f"“{self.adapted_from}” was itself adapted from this pilot."
            seen.add(source.pk)
            source = source.adapted_from
        return None

    def get_preview_template(self, request: HttpRequest, mode_name: str) -> str:
        return "pilots/admin/pilot_preview.html"
