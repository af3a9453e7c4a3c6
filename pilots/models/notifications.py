"""The emails the tracker has sent, so that none is sent twice."""

from django.conf import settings
from django.db import models


class NotificationSent(models.Model):
    """One email of one kind for one period: the unique row makes a retried task skip
    what was already sent."""

    class Kind(models.TextChoices):
        REMINDER = "reminder", "Overdue return reminder"
        ROUNDUP = "roundup", "Weekly round-up"
        FOLLOW_UP = "followup", "Follow-up check-in reminder"

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
