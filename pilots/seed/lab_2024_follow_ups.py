"""Illustrative follow-up check-ins, so that the admin home, the review page, the case
studies, the API and the outcome "pilots sustained 12 months after the Lab" show something
on the first `make run`. Nothing here is reported: every check-in is marked illustrative.

The 2023 Lab's pilots have approved 6-, 12- and 24-month check-ins (a few stopped after a
year, so owe no 24-month one), except one pilot whose 24-month check-in is left due; the
2024 Lab's pilots have approved 6- and 12-month ones. Only check-ins already due are made.
Idempotent: a check-in that exists is left as it is.
"""

import datetime as dt

from django.utils import timezone

from designlab.models import Lab
from pilots.models import FollowUp, Pilot

NOTE = "Illustrative: no source reports how the pilots fared after the Lab; made up to show "
NOTE += "the follow-up check-ins."
FUNDERS = [
    "the council's core budget",
    "a charitable trust grant",
    "the borough's public health team",
    "a partnership with the local college",
]
LEFT_DUE = 24  # the months of the one check-in of the 2023 Lab left for its officers


def _answers(index: int, months: int) -> dict:
    """Mostly still running; every fifth pilot stopped after a year."""
    if index % 5 == 4 and months >= 12:
        return {
            "still_running": FollowUp.YesNo.NO, "funded_by": "", "mainstream": "no",
            "spread": "no", "update": "Stopped when its funding ended; the team kept its "
            "referral contacts.",
        }  # fmt: skip
    mainstream = "yes" if months >= 24 else ("partly" if months >= 12 else "no")
    return {
        "still_running": FollowUp.YesNo.YES, "funded_by": FUNDERS[index % len(FUNDERS)],
        "mainstream": mainstream, "spread": "yes" if index % 3 == 0 and months >= 12 else "no",
        "update": f"Running {months} months after the Lab; "
        + ("now part of the usual offer." if mainstream == "yes" else "funding agreed."),
    }  # fmt: skip


def _ensure(pilot: Pilot, index: int, months: int, today: dt.date) -> None:
    due_on = pilot.lab.follow_up_due_on(months)
    if due_on > today:
        return
    FollowUp.objects.get_or_create(
        pilot=pilot, months_after=months,
        defaults={
            **_answers(index, months), "due_on": due_on, "status": FollowUp.Status.APPROVED,
            "answered_on": due_on + dt.timedelta(days=14),
            "provenance": "illustrative", "source_note": NOTE,
        },
    )  # fmt: skip


def follow_ups_ensure(lab_2023: Lab, lab_2024: Lab, today: dt.date | None = None) -> None:
    today = today or timezone.localdate()
    pilots_2023 = list(Pilot.objects.published().filter(lab=lab_2023).order_by("pk"))
    for index, pilot in enumerate(pilots_2023):
        for months in lab_2023.follow_up_months:
            stopped = index % 5 == 4 and months > 12
            left_due = index == len(pilots_2023) - 1 and months == LEFT_DUE
            if not (stopped or left_due):
                _ensure(pilot, index, months, today)
    pilots_2024 = Pilot.objects.published().filter(lab=lab_2024).order_by("pk")
    for index, pilot in enumerate(pilots_2024):
        for months in [m for m in lab_2024.follow_up_months if m <= 12]:
            _ensure(pilot, index, months, today)
