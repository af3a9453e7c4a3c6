"""A pilot's figures for the convenors' dashboard and the Lab's outcome ratings, kept in
one row per pilot.

They change only when the pilot or one of its records changes (a publish, a reading typed
in, imported, approved or returned, a check-in approved), so each row is computed from the
records when that happens (`pilots.dashboard.figures`), and the dashboard and the ratings
read rows in one query each instead of going through every record and reading of the Lab.
A missing row means "compute again".
"""

import datetime as dt

from django.db import models
from django.db.models import Q


class PilotFigures(models.Model):
    pilot = models.OneToOneField(
        "pilots.Pilot", on_delete=models.CASCADE, primary_key=True, related_name="figures"
    )
    evaluated = models.BooleanField(default=False)  # an implemented evaluation
    evaluation_planned = models.BooleanField(default=False)  # any evaluation
    with_kpi = models.BooleanField(default=False)
    with_reading = models.BooleanField(default=False)
    with_milestone = models.BooleanField(default=False)
    with_partner = models.BooleanField(default=False)
    # Late milestones depend on the day: those done late, and the earliest still open.
    milestones_done_late = models.PositiveIntegerField(default=0)
    first_open_due = models.DateField(null=True)
    kpis = models.PositiveIntegerField(default=0)
    kpis_reported = models.PositiveIntegerField(default=0)
    kpis_met = models.PositiveIntegerField(default=0)
    progress_sum = models.FloatField(default=0)  # of the KPIs with a progress to target
    progress_kpis = models.PositiveIntegerField(default=0)
    last_period = models.DateField(null=True)
    # Its KPIs by their latest reading's status against target (`KPI.status_against_target`).
    on_track = models.PositiveIntegerField(default=0)
    at_risk = models.PositiveIntegerField(default=0)
    off_track = models.PositiveIntegerField(default=0)
    # Its readings by status, whatever it is.
    readings_draft = models.PositiveIntegerField(default=0)
    readings_submitted = models.PositiveIntegerField(default=0)
    readings_approved = models.PositiveIntegerField(default=0)
    readings_returned = models.PositiveIntegerField(default=0)
    # What its records say for the outcome measures (`pilots.outcomes.flags`; `evaluated` above
    # is one of them).
    new_partnership = models.BooleanField(default=False)
    accommodation_contact = models.BooleanField(default=False)
    practice_multi_agency = models.BooleanField(default=False)
    practice_upskilling = models.BooleanField(default=False)
    practice_co_design = models.BooleanField(default=False)
    practice_definition = models.BooleanField(default=False)
    practice_outcomes = models.BooleanField(default=False)
    practice_accommodation = models.BooleanField(default=False)
    sustained_12_months = models.BooleanField(default=False)
    adapted_from_another_borough = models.BooleanField(default=False)
    # The figures behind its evidence grade (`pilots.outcomes.evidence.pilot_evidence`).
    evidence_records = models.PositiveIntegerField(default=0)
    evidence_reported = models.PositiveIntegerField(default=0)
    evidence_evaluated = models.PositiveIntegerField(default=0)
    evidence_completed = models.PositiveIntegerField(default=0)
    evidence_readings = models.PositiveIntegerField(default=0)
    evidence_approved = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name_plural = "pilot figures"

    def __str__(self) -> str:
        return f"Figures of pilot {self.pilot_id}"

    @staticmethod
    def slipped(today: dt.date, prefix: str = "") -> Q:
        """A late milestone (`Milestone.objects.late`): one done after its due date, or
        one still open past it; `prefix` is the path to these figures, e.g. "figures__"."""
        return Q(**{f"{prefix}milestones_done_late__gt": 0}) | Q(
            **{f"{prefix}first_open_due__lt": today}
        )
