"""The weekly round-up for Lab participants: new resources, upcoming sessions and newly
published case studies."""

import datetime as dt

from django.template.loader import render_to_string
from django.utils import timezone
from wagtail.models import Page

from designlab.models import Officer, Session
from pilots.access.scoping import labs_for_user, resources_visible_to
from pilots.models import NotificationSent, SharedResource
from pilots.notifications.sending import admin_url, email_send_once

CASE_STUDY_MODEL = "casestudypage"  # the toolkit's case study pages, read generically
UPCOMING = dt.timedelta(days=21)


def roundup_contents(since: dt.datetime, until: dt.datetime, today: dt.date) -> dict:
    """What was new from `since` up to `until` (excluded), and the sessions coming up, in
    every Lab; `roundup_for` keeps what one officer may see."""
    case_studies = (
        Page.objects.live()
        .public()
        .filter(
            content_type__model=CASE_STUDY_MODEL,
            first_published_at__gte=since,
            first_published_at__lt=until,
        )
        .order_by("-first_published_at")
    )
    return {
        "resources": SharedResource.objects.offered()
        .filter(created_at__gte=since, created_at__lt=until)
        .select_related("borough")
        .order_by("created_at"),
        "sessions": Session.objects.filter(
            held_on__gte=today, held_on__lte=today + UPCOMING
        ).order_by("held_on"),
        "case_studies": [(page.title, page.full_url) for page in case_studies],
    }


def roundup_for(contents: dict, officer: Officer) -> dict:
    """The part of `contents` for `officer`: resources and sessions of their borough's
    Labs only (another Lab's resource titles and boroughs are not theirs to read)."""
    labs = labs_for_user(officer.user)
    return {
        "resources": list(resources_visible_to(contents["resources"], officer.user)),
        "sessions": list(contents["sessions"].filter(lab__in=labs)),
        "case_studies": contents["case_studies"],
    }


def roundup_send(today: dt.date | None = None) -> int:
    """The weekly round-up to every Lab participant who wants it; nothing is sent to an
    officer in a week with nothing new for them. Returns the number of emails sent."""
    today = today or timezone.localdate()
    year, week, _ = today.isocalendar()
    # The seven days before today: consecutive weeks neither overlap nor leave a gap,
    # and a retry later in the day sends what the first run sent.
    until = timezone.make_aware(dt.datetime.combine(today, dt.time()))
    contents = roundup_contents(until - dt.timedelta(days=7), until, today)
    sent = 0
    officers = (
        Officer.objects.filter(
            receives_roundup=True, user__is_active=True, borough__participations__isnull=False
        )
        .select_related("user", "borough")
        .distinct()
    )
    for officer in officers.exclude(user__email=""):
        theirs = roundup_for(contents, officer)
        if not any(theirs.values()):
            continue
        body = render_to_string(
            "pilots/notifications/roundup.txt",
            {**theirs, "officer": officer,
             "preferences_url": admin_url("pilots_email_preferences")},
        )  # fmt: skip
        if email_send_once(
            officer.user, NotificationSent.Kind.ROUNDUP, [f"{year}-W{week:02d}"],
            f"Design Lab round-up, week {week} of {year}", body,
        ):  # fmt: skip
            sent += 1
    return sent
