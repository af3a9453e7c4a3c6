"""The 2023 Asylum Welcome Design Lab loads with the report's facts, idempotently."""

import io

import pytest
from django.core.management import call_command

from designlab.models import Borough, Lab, Session
from pilots.models import Evaluation, Pilot
from pilots.seed.data.table1 import TABLE_1


def test_all_london_authorities_with_gss_codes(db):
    assert Borough.objects.count() == 33
    assert Borough.objects.get(gss_code="E09000001").name == "City of London"
    assert Borough.objects.get(gss_code="E09000030").slug == "tower-hamlets"


def test_lab_has_eleven_boroughs_ten_sessions_fourteen_pilots(lab):
    assert lab.convenor == "Greater London Authority"
    assert lab.boroughs.count() == 11
    assert lab.sessions.filter(kind="workshop").count() == 5
    assert lab.sessions.filter(kind="webinar").count() == 5
    assert lab.pilots.count() == 14
    assert lab.pilots.filter(live=True).count() == 14


def test_session_titles_are_the_reports(lab):
    assert Session.objects.get(lab=lab, kind="workshop", number=4).title == (
        "Settling and Increasing Agency: towards greater integration, preparing to move on"
    )
    assert Session.objects.get(lab=lab, kind="webinar", number=2).title == (
        "Responding to Vulnerability: safeguarding and supporting families and children"
    )


def test_key_lessons_are_verbatim(lab):
    hounslow = Pilot.objects.get(borough__name="Hounslow")
    assert hounslow.key_lesson == (
        "Hounslow staff have strengthened relationships with contingency hotel management and "
        "local police services. The borough will maintain consistent communications with both "
        "going forward."
    )
    for pilot in lab.pilots.select_related("borough"):
        assert pilot.key_lesson == TABLE_1[pilot.borough.name]["key_lesson"]
        assert pilot.activity in TABLE_1[pilot.borough.name]["activities"]


def test_two_pilots_for_newham_tower_hamlets_and_waltham_forest(lab):
    for slug in ("newham", "tower-hamlets", "waltham-forest"):
        assert lab.pilots.filter(borough__slug=slug).count() == 2


def test_five_boroughs_implemented_evaluations_two_of_them_illustrative(lab):
    implemented = Evaluation.objects.filter(status__in=Evaluation.IMPLEMENTED)
    assert implemented.values("pilot__borough").distinct().count() == 5
    reported = set(
        implemented.filter(provenance="reported").values_list("pilot__borough__name", flat=True)
    )
    assert reported == {"Brent", "Hammersmith and Fulham", "Kensington and Chelsea"}


def test_seven_boroughs_of_sanctuary_only_lambeth_reported(lab):
    sanctuary = lab.boroughs.exclude(sanctuary_status="none")
    assert sanctuary.count() == 7
    assert list(
        sanctuary.filter(sanctuary_provenance="reported").values_list("name", flat=True)
    ) == ["Lambeth"]


@pytest.mark.django_db
def test_loading_twice_changes_nothing():
    def counts():
        from django.apps import apps

        return {m._meta.label: m.objects.count() for m in apps.get_models()
                if m._meta.app_label in ("designlab", "pilots", "wagtailcore")}  # fmt: skip

    before = counts()
    call_command("load_asylum_welcome_2023", stdout=io.StringIO())
    assert counts() == before
    assert Lab.objects.filter(slug="asylum-welcome-2023").count() == 1
