"""What a Lab runs (workshops, webinars, briefings, mentoring calls) and who attended."""

from django.db import models

from designlab.models.boroughs import Borough
from designlab.models.labs import Lab
from designlab.models.provenance import Provenance


class Session(models.Model):
    """A workshop, webinar, briefing or mentoring call the Lab runs."""

    class Kind(models.TextChoices):
        WORKSHOP = "workshop", "Workshop"
        WEBINAR = "webinar", "Webinar"
        BRIEFING = "briefing", "Briefing"
        MENTORING = "mentoring", "Mentoring call"

    lab = models.ForeignKey(Lab, on_delete=models.CASCADE, related_name="sessions")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=300)
    held_on = models.DateField(null=True, blank=True)
    description = models.TextField(blank=True)
    date_provenance = models.CharField(
        max_length=16, choices=Provenance.CHOICES, default=Provenance.REPORTED
    )
    attendees = models.ManyToManyField(Borough, through="Attendance", related_name="sessions")

    class Meta:
        ordering = ["lab", "kind", "number"]
        constraints = [
            models.UniqueConstraint(fields=["lab", "kind", "number"], name="one_session_number")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number}: {self.title}"


class Attendance(Provenance):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attendance")
    borough = models.ForeignKey(Borough, on_delete=models.PROTECT, related_name="attendance")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "borough"], name="one_attendance")
        ]

    def __str__(self) -> str:
        return f"{self.borough} at {self.session}"
