"""A spreadsheet return an officer uploaded, and what became of it."""

import uuid

from django.conf import settings
from django.db import models

from cms.jobs import job_state, progress_percent
from designlab.models import Borough


def return_upload_path(instance: "ReturnUpload", filename: str) -> str:
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
    # The KPIs whose readings the import created or corrected, for the status page's links:
    # [{"kpi": id, "created": n, "updated": n}, …]
    readings_changed = models.JSONField(default=list, blank=True)
    # Progress of a running import, written by the task (at most once a second) and shown
    # on the status page: rows checked so far, of the rows the sheet holds.
    rows_done = models.PositiveIntegerField(default=0)
    rows_total = models.PositiveIntegerField(null=True, blank=True)
    uploaded_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    # Written by the running import every few seconds (cms.jobs): silence means its worker
    # is gone and the requeue sends it again.
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-uploaded_at"]

    def __str__(self) -> str:
        return f"{self.original_name} ({self.borough})"

    @property
    def progress_percent(self) -> int:
        return progress_percent(self.rows_done, self.rows_total)

    def progress(self) -> str:
        """What is true of the import while it is not finished (cms.jobs.job_state)."""
        return job_state(
            status=self.status, created_at=self.uploaded_at, sent_at=self.sent_at,
            heartbeat_at=self.heartbeat_at, attempts=self.attempts,
        )  # fmt: skip
