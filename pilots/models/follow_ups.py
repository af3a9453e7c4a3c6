"""Follow-up check-ins: months after a Lab ends, each pilot's officers say whether it lasted.

A check-in goes through the same review as a reading: a draft, submitted for review, then
approved by a convenor (which locks it) or returned with a comment to be corrected and
submitted again (`pilots.followups.review`). Only approved check-ins count anywhere public
or in outcome measures."""

from django.db import models

from designlab.models import Provenance
from pilots.models.pilots import Pilot


class FollowUpQuerySet(models.QuerySet):
    def approved(self) -> "FollowUpQuerySet":
        return self.filter(status=FollowUp.Status.APPROVED)

    def published(self) -> "FollowUpQuerySet":
        """Approved check-ins of published pilots: what the public site and outcomes read."""
        return self.approved().filter(pilot__in=Pilot.objects.published())

    def to_review(self) -> "FollowUpQuerySet":
        return self.filter(status=FollowUp.Status.SUBMITTED)


class FollowUp(Provenance):
    """One pilot's answers `months_after` months after its Lab ended."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Waiting for review"
        APPROVED = "approved", "Approved"
        RETURNED = "returned", "Returned"

    class Standing(models.TextChoices):
        """Where the pilot stood at the check-in, as the public reads it."""

        RUNNING = "running", "Still running"
        STOPPED = "stopped", "No longer running"

    class YesNo(models.TextChoices):
        YES = "yes", "Yes"
        NO = "no", "No"

    class Mainstream(models.TextChoices):
        YES = "yes", "Yes"
        PARTLY = "partly", "Partly"
        NO = "no", "No"

    pilot = models.ForeignKey(Pilot, on_delete=models.CASCADE, related_name="follow_ups")
    months_after = models.PositiveSmallIntegerField("Months after the Lab")
    due_on = models.DateField(help_text="The Lab's end plus the months after it.")
    still_running = models.CharField("Is the pilot still running?", max_length=3,
                                     choices=YesNo.choices)  # fmt: skip
    funded_by = models.CharField("Who funds it now?", max_length=200, blank=True)
    mainstream = models.CharField(
        "Is it part of mainstream services?", max_length=6, choices=Mainstream.choices
    )
    spread = models.CharField("Has it spread to other sites?", max_length=3,
                              choices=YesNo.choices)  # fmt: skip
    update = models.CharField("One-line update", max_length=200)
    answered_on = models.DateField(
        null=True, blank=True, help_text="When the officer last submitted the answers."
    )
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    review_comment = models.TextField(blank=True, help_text="Why a convenor returned it.")
    updated_at = models.DateTimeField(auto_now=True)

    objects = FollowUpQuerySet.as_manager()

    class Meta:
        ordering = ["pilot", "months_after"]
        verbose_name = "follow-up check-in"
        constraints = [
            models.UniqueConstraint(
                fields=["pilot", "months_after"], name="one_follow_up_per_pilot_and_months"
            )
        ]

    def __str__(self) -> str:
        return f"{self.pilot}: {self.months_after} months after the Lab"

    @property
    def is_locked(self) -> bool:
        """An approved check-in is what the public reads: it no longer changes."""
        return self.status == self.Status.APPROVED

    @property
    def running(self) -> bool:
        return self.still_running == self.YesNo.YES

    @property
    def standing(self) -> "FollowUp.Standing":
        return self.Standing.RUNNING if self.running else self.Standing.STOPPED

    def summary(self) -> str:
        """The check-in in one sentence, as the case study shows it: "Still running 12
        months after the Lab (checked June 2025): funded by …"."""
        checked = self.answered_on or self.due_on
        said = f"{self.standing.label} {self.months_after} months after the Lab"
        said += f" (checked {checked:%B %Y})"
        if self.running and self.funded_by:
            said += f": funded by {self.funded_by}"
        return said + "."
