"""A pilot's milestones, and the one rule of when a milestone is late."""

import datetime as dt

from django.db import models
from django.db.models import F, Q
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from designlab.models import Provenance
from pilots.models.pilots import PilotRecordQuerySet


class MilestoneQuerySet(PilotRecordQuerySet):
    def late(self, today: dt.date) -> "MilestoneQuerySet":
        """Milestones that slipped: done after their due date, or still open past it."""
        return self.filter(Q(done_on__gt=F("due_on")) | Q(done_on__isnull=True, due_on__lt=today))

    def overdue(self, today: dt.date) -> "MilestoneQuerySet":
        """Late milestones still open: the ones an officer can act on."""
        return self.late(today).filter(done_on__isnull=True)


class Milestone(Orderable, Provenance):
    pilot = ParentalKey("pilots.Pilot", on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(max_length=200)
    due_on = models.DateField()
    done_on = models.DateField(null=True, blank=True)

    objects = MilestoneQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("due_on"),
        FieldPanel("done_on"),
        FieldPanel("provenance"),
    ]

    def __str__(self) -> str:
        return self.title
