"""`manage.py seed_synthetic --scale N` makes a clearly marked synthetic Lab to measure."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from designlab.models import Lab
from pilots.models import KPIReading, Pilot
from pilots.outcomes.ratings import lab_outcomes


def test_a_small_scale_lab_is_made_and_marked_illustrative(db):
    out = StringIO()

    call_command("seed_synthetic", "--scale", "0.003", "--slug", "synthetic-test", stdout=out)

    lab = Lab.objects.get(slug="synthetic-test")
    assert "1 authorities, 10 pilots, 100 KPIs, 2400 readings" in out.getvalue()
    assert Pilot.objects.filter(lab=lab, live=True).count() == 10
    assert not Pilot.objects.filter(lab=lab).exclude(provenance="illustrative").exists()
    assert KPIReading.objects.filter(kpi__pilot__lab=lab).count() == 2400
    assert [b.name for b in lab.boroughs.all()] == ["Synthetic authority 001"]
    assert len(lab_outcomes(lab)) == 3  # outcomes are defined, so they can be measured too


def test_seeding_again_replaces_the_synthetic_lab(db):
    for _ in range(2):
        call_command("seed_synthetic", "--scale", "0.003", "--slug", "synthetic-test",
                     stdout=StringIO())  # fmt: skip

    assert Pilot.objects.filter(lab__slug="synthetic-test").count() == 10


def test_a_real_labs_slug_is_refused(lab):
    with pytest.raises(CommandError, match="must start with 'synthetic'"):
        call_command("seed_synthetic", "--scale", "0.003", "--slug", lab.slug, stdout=StringIO())
    assert Pilot.objects.filter(lab=lab).count() == 14


def test_a_scale_of_zero_is_refused(db):
    with pytest.raises(CommandError, match="greater than 0"):
        call_command("seed_synthetic", "--scale", "0")
