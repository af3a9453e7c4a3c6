"""`load_lab_2024` adds illustrative follow-up check-ins: the 2023 Lab's pilots answered
their 6-, 12- and 24-month ones (approved), but for one check-in still due, so that the
admin home, the case studies, the API and the outcome measure show something. Loading
twice changes nothing."""

import datetime as dt

from django.utils import timezone

from designlab.models import Lab, Measure
from pilots.followups.due import follow_ups_due
from pilots.models import FollowUp, Pilot
from pilots.outcomes.measures import LIBRARY
from pilots.seed.lab_2024 import load_lab_2024
from pilots.seed.lab_2024_follow_ups import follow_ups_ensure


def test_the_2023_lab_has_approved_check_ins_and_one_still_due(db):
    load_lab_2024()
    lab = Lab.objects.get(slug="asylum-welcome-2023")
    seeded = FollowUp.objects.filter(pilot__lab=lab)
    assert set(seeded.values_list("status", "provenance").distinct()) == {
        ("approved", "illustrative")
    }
    assert set(seeded.values_list("months_after", flat=True)) == {6, 12, 24}
    assert all(f.source_note.startswith("Illustrative") for f in seeded)
    due = [d for d in follow_ups_due(timezone.localdate()) if d.pilot.lab_id == lab.pk]
    assert [(d.months_after, d.follow_up) for d in due] == [(24, None)]
    assert 0 < len(LIBRARY[Measure.PILOTS_SUSTAINED_12_MONTHS](lab, None).pilots) < 14


def test_only_check_ins_already_due_are_made(db):
    load_lab_2024()
    FollowUp.objects.all().delete()
    lab_2023 = Lab.objects.get(slug="asylum-welcome-2023")
    lab_2024 = Lab.objects.get(slug="design-lab-2024")
    follow_ups_ensure(lab_2023, lab_2024, today=dt.date(2025, 4, 1))
    assert set(FollowUp.objects.values_list("pilot__lab__slug", "months_after").distinct()) == {
        ("asylum-welcome-2023", 6), ("asylum-welcome-2023", 12), ("design-lab-2024", 6)
    }  # fmt: skip
    assert not FollowUp.objects.filter(due_on__gt=dt.date(2025, 4, 1)).exists()


def test_loading_twice_changes_nothing(db):
    load_lab_2024()
    first = list(FollowUp.objects.order_by("pk").values_list("pk", "status", "updated_at"))
    load_lab_2024()
    assert list(FollowUp.objects.order_by("pk").values_list("pk", "status", "updated_at")) == first
    assert (
        Pilot.objects.filter(follow_ups__isnull=False).distinct().count()
        == Pilot.objects.published().count()
    )
