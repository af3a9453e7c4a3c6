"""Convenors' review of readings: approve submitted readings (which locks them), return
them with a comment for the officer to correct, or reopen an approved one with a reason.

The same functions serve the "Readings to review" page and `manage.py review_readings`.
Each change of status is in the reading's history and the audit log.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet
from django.dispatch import Signal

from pilots.access.scoping import is_convenor
from pilots.models import KPIReading
from pilots.readings.history import reading_label, reading_statuses_log, readings_written

Status = KPIReading.Status

# Sent when readings start or stop counting in public, with `pilot_ids`: the public site
# clears what shows them (approval and reopening change rows in bulk, without post_save).
readings_public_changed = Signal()


class ReviewRefused(ValueError):
    """The review asked for cannot be done; nothing changed."""


def _convenor_check(user: AbstractBaseUser) -> None:
    # Officers never review readings, not even their own borough's.
    if not is_convenor(user):
        raise PermissionDenied("Only convenors review readings.")


def _labels(readings: QuerySet) -> dict[int, str]:
    rows = readings.values_list("pk", "kpi__name", "period_start")
    return {pk: f"{name}, {start:%b %Y}" for pk, name, start in rows}


def readings_approve(readings: QuerySet, *, user: AbstractBaseUser) -> int:
    """Approve those of `readings` that wait for review; returns how many."""
    _convenor_check(user)
    with transaction.atomic():
        waiting = readings.filter(status=Status.SUBMITTED).select_for_update(of=("self",))
        labels = _labels(waiting)
        approved = KPIReading.objects.filter(pk__in=labels)
        pilot_ids = set(approved.values_list("kpi__pilot_id", flat=True))
        approved.update(status=Status.APPROVED, review_comment="")
        reading_statuses_log(labels, "pilots.reading_approved", user=user)
        if pilot_ids:
            readings_public_changed.send(KPIReading, pilot_ids=pilot_ids)
    return len(labels)


def readings_return(readings: QuerySet, *, comment: str, user: AbstractBaseUser) -> int:
    """Return those of `readings` that wait for review to their officers with `comment`;
    returns how many."""
    _convenor_check(user)
    comment = comment.strip()
    if not comment:
        raise ReviewRefused("Say what the officer must correct: a return needs a comment.")
    with transaction.atomic():
        waiting = readings.filter(status=Status.SUBMITTED).select_for_update(of=("self",))
        labels = _labels(waiting)
        KPIReading.objects.filter(pk__in=labels).update(
            status=Status.RETURNED, review_comment=comment
        )
        reading_statuses_log(labels, "pilots.reading_returned", user=user, comment=comment)
        kpi_ids = KPIReading.objects.filter(pk__in=labels).values_list("kpi_id", flat=True)
        readings_written.send(KPIReading, kpi_ids=set(kpi_ids))
    return len(labels)


def reading_reopen(reading: KPIReading, *, reason: str, user: AbstractBaseUser) -> None:
    """Unlock an approved reading so that its officer can correct it: it goes back to them
    as returned, with `reason` as the comment, and counts nowhere public until approved
    again."""
    _convenor_check(user)
    reason = reason.strip()
    if not reason:
        raise ReviewRefused("Say why the reading is reopened.")
    with transaction.atomic():
        reading = KPIReading.objects.select_for_update().select_related("kpi").get(pk=reading.pk)
        if reading.status != Status.APPROVED:
            raise ReviewRefused("Only an approved reading can be reopened.")
        reading.status, reading.review_comment = Status.RETURNED, reason
        reading.save(update_fields=["status", "review_comment"])
        label = reading_label(reading.kpi.name, reading.period_start)
        reading_statuses_log({reading.pk: label}, "pilots.reading_reopened", user=user,
                             comment=reason)  # fmt: skip
        readings_public_changed.send(KPIReading, pilot_ids={reading.kpi.pilot_id})
