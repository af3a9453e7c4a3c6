"""A workbook of a Lab's records, written in the background for one user, and where such
files are kept."""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models

from cms.jobs import job_state, progress_percent


class ExportStorage(FileSystemStorage):
    """Files under settings.EXPORTS_ROOT, read when used (not at start-up), outside the
    media folder: an export is only ever served by the view that checks who asks."""

    @property
    def base_location(self) -> str:
        return settings.EXPORTS_ROOT

    @property
    def location(self) -> str:
        return os.path.abspath(self.base_location)

    @property
    def base_url(self) -> None:
        return None


def export_storage() -> ExportStorage:
    return ExportStorage()


class Export(models.Model):
    """A workbook of a Lab's records, written in the background for one user. An
    officer's export holds only their borough's rows (`borough`)."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        READY = "ready", "Ready"
        FAILED = "failed", "Failed"

    lab = models.ForeignKey("designlab.Lab", on_delete=models.CASCADE, related_name="exports")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lab_exports"
    )
    borough = models.ForeignKey(
        "designlab.Borough",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Empty: every borough (convenors only).",
    )
    file = models.FileField(storage=export_storage, blank=True)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.QUEUED)
    error = models.TextField(blank=True)
    # Progress of a running export, written by the task (at most once a second): rows
    # written so far, of about `rows_total` (its largest tables, counted first).
    rows_done = models.PositiveIntegerField(default=0)
    rows_total = models.PositiveIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    # Written by the running task every few seconds (cms.jobs).
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Export of {self.lab} ({self.get_status_display()})"

    @property
    def progress_percent(self) -> int:
        return progress_percent(self.rows_done, self.rows_total)

    def progress(self) -> str:
        """What is true of the export while it is not ready (cms.jobs.job_state)."""
        return job_state(
            status=self.status, created_at=self.created_at, sent_at=self.sent_at,
            heartbeat_at=self.heartbeat_at, attempts=self.attempts,
        )  # fmt: skip
