"""Lab participants get a weekly round-up of new resources and upcoming sessions, once a
week whatever the retries; nothing is sent in a week with nothing new."""

import datetime as dt

from django.core import mail
from django.utils import timezone

from designlab.models import Officer, Session
from pilots.models import SharedResource
from pilots.notifications.roundup import roundup_send


def test_roundup_sent_once_per_week_to_those_who_want_it(barnet_pilot, lab):
    today = timezone.localdate() + dt.timedelta(days=1)  # the resource is from yesterday
    SharedResource.objects.create(
        lab=lab, borough=barnet_pilot.borough, title="Hotel welcome leaflet",
        kind=SharedResource.Kind.WELCOME_PACK,
    )  # fmt: skip
    Session.objects.create(
        lab=lab, kind=Session.Kind.BRIEFING, number=9, title="Move-on briefing",
        held_on=today + dt.timedelta(days=5),
    )  # fmt: skip
    Officer.objects.filter(user__username="officer-brent").update(receives_roundup=False)

    sent = roundup_send(today)
    recipients = {m.to[0] for m in mail.outbox}
    assert sent == len(mail.outbox) == Officer.objects.filter(receives_roundup=True).count()
    assert "officer-barnet@example.org" in recipients
    assert "officer-brent@example.org" not in recipients
    body = mail.outbox[0].body
    assert "Hotel welcome leaflet (Welcome or induction pack), shared by Barnet" in body
    assert "Move-on briefing" in body

    assert roundup_send(today) == 0  # a retry in the same week
    assert len(mail.outbox) == sent


def test_nothing_new_nothing_sent(db):
    assert roundup_send(timezone.localdate() + dt.timedelta(days=400)) == 0
    assert mail.outbox == []


def test_consecutive_weeks_do_not_repeat_a_resource(barnet_pilot, lab):
    monday = dt.date(2030, 3, 4)
    resource = SharedResource.objects.create(
        lab=lab, borough=barnet_pilot.borough, title="Hotel welcome leaflet",
        kind=SharedResource.Kind.WELCOME_PACK,
    )  # fmt: skip
    # Shared early on Monday morning, before that Monday's round-up went out.
    SharedResource.objects.filter(pk=resource.pk).update(
        created_at=timezone.make_aware(dt.datetime(2030, 3, 4, 6, 30))
    )
    assert roundup_send(monday) == 0  # last week's round-up: not in it
    assert roundup_send(monday + dt.timedelta(days=7)) > 0  # this week's: in it
    assert all("Hotel welcome leaflet" in m.body for m in mail.outbox)
    sent = len(mail.outbox)
    assert roundup_send(monday + dt.timedelta(days=14)) == 0
    assert len(mail.outbox) == sent
