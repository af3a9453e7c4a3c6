"""Saving an officer's check-in and the convenors' review of it, the way readings are
reviewed (`pilots.readings.review`): submitted check-ins wait for a convenor, who approves
them (which locks them: they now count in public) or returns them with a comment for the
officer to correct and submit again, and reopens an approved one with a reason. Each change
of status is in the audit log."""

import datetime as dt

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet
from wagtail.log_actions import log

from pilots.access.scoping import is_convenor
from pilots.models import FollowUp, Pilot
from pilots.readings.review import ReviewRefused, readings_public_changed

Status = FollowUp.Status

# Log action → what the audit log says.
STATUS_ACTIONS = {
    "pilots.follow_up_submitted": "Check-in submitted for review",
    "pilots.follow_up_approved": "Check-in approved",
    "pilots.follow_up_returned": "Check-in returned",
    "pilots.follow_up_reopened": "Check-in reopened",
}
ANSWERS = ("still_running", "funded_by", "mainstream", "spread", "update")


class FollowUpLocked(ValueError):
    """The check-in is approved: it no longer changes."""


def follow_up_save(
    *, pilot: Pilot, months_after: int, answers: dict, submit: bool, user: AbstractBaseUser,
    today: dt.date,
) -> FollowUp:  # fmt: skip
    """Record the officer's `answers` to the check-in `months_after`, submitted for review
    or kept as a draft. Raises FollowUpLocked when a convenor has approved it."""
    with transaction.atomic():
        # The pilot's row is the lock: two first saves of a check-in take turns, and the
        # second finds the first's row instead of colliding with it.
        Pilot.objects.select_for_update().filter(pk=pilot.pk).values("pk").first()
        follow_up = FollowUp.objects.filter(pilot=pilot, months_after=months_after).first()
        if follow_up is None:
            due_on = pilot.lab.follow_up_due_on(months_after)
            follow_up = FollowUp(pilot=pilot, months_after=months_after, due_on=due_on)
        if follow_up.is_locked:
            raise FollowUpLocked(
                f"{follow_up_label(follow_up)} is approved, so it is locked: ask a convenor "
                "if it needs correcting."
            )
        for name in ANSWERS:
            setattr(follow_up, name, answers[name])
        if submit:
            follow_up.status, follow_up.answered_on = Status.SUBMITTED, today
        elif follow_up.status != Status.RETURNED:
            follow_up.status = Status.DRAFT  # a returned one keeps the convenor's comment
        follow_up.save()
        if submit:
            log(follow_up, "pilots.follow_up_submitted", user=user)
    return follow_up


def follow_up_label(follow_up: FollowUp) -> str:
    return f"{follow_up.pilot.title}, {follow_up.months_after}-month check-in"


def _convenor_check(user: AbstractBaseUser) -> None:
    # Officers never review check-ins, not even their own borough's.
    if not is_convenor(user):
        raise PermissionDenied("Only convenors review check-ins.")


def _waiting(follow_ups: QuerySet) -> list[FollowUp]:
    waiting = follow_ups.filter(status=Status.SUBMITTED).select_for_update(of=("self",))
    return list(waiting.select_related("pilot"))


def follow_ups_approve(follow_ups: QuerySet, *, user: AbstractBaseUser) -> int:
    """Approve those of `follow_ups` that wait for review; returns how many."""
    _convenor_check(user)
    with transaction.atomic():
        waiting = _waiting(follow_ups)
        FollowUp.objects.filter(pk__in=[f.pk for f in waiting]).update(
            status=Status.APPROVED, review_comment=""
        )
        for follow_up in waiting:
            log(follow_up, "pilots.follow_up_approved", user=user)
        if waiting:
            # The public site clears what shows these pilots, as for approved readings.
            pilot_ids = {f.pilot_id for f in waiting}
            readings_public_changed.send(FollowUp, pilot_ids=pilot_ids)
    return len(waiting)


def follow_ups_return(follow_ups: QuerySet, *, comment: str, user: AbstractBaseUser) -> int:
    """Return those of `follow_ups` that wait for review to their officers with `comment`;
    returns how many."""
    _convenor_check(user)
    comment = comment.strip()
    if not comment:
        raise ReviewRefused("Say what the officer must correct: a return needs a comment.")
    with transaction.atomic():
        waiting = _waiting(follow_ups)
        FollowUp.objects.filter(pk__in=[f.pk for f in waiting]).update(
            status=Status.RETURNED, review_comment=comment
        )
        for follow_up in waiting:
            log(follow_up, "pilots.follow_up_returned", user=user, data={"comment": comment})
    return len(waiting)


def follow_up_reopen(follow_up: FollowUp, *, reason: str, user: AbstractBaseUser) -> None:
    """Unlock an approved check-in so that its officer can correct it: it goes back to them
    as returned, with `reason` as the comment, and leaves the public case study until it
    is approved again."""
    _convenor_check(user)
    reason = reason.strip()
    if not reason:
        raise ReviewRefused("Say why the check-in is reopened.")
    with transaction.atomic():
        follow_up = FollowUp.objects.select_for_update().get(pk=follow_up.pk)
        if follow_up.status != Status.APPROVED:
            raise ReviewRefused("Only an approved check-in can be reopened.")
        follow_up.status, follow_up.review_comment = Status.RETURNED, reason
        follow_up.save(update_fields=["status", "review_comment"])
        log(follow_up, "pilots.follow_up_reopened", user=user, data={"comment": reason})
        readings_public_changed.send(FollowUp, pilot_ids={follow_up.pilot_id})
