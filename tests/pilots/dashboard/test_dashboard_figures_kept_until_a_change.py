"""The dashboard's figures are kept between visits, and a publish or an import shows on
the next visit: no convenor reads stale figures."""

from django.urls import reverse
from django.utils import timezone

from pilots.models import KPI, Pilot


def test_a_reading_typed_in_shows_on_the_next_visit(client, convenor, barnet_officer, lab):
    from pilots.readings.write import reading_save

    client.force_login(convenor)
    url = reverse("lab_dashboard")
    kpi = KPI.objects.filter(pilot__borough__slug="barnet", pilot__live=True).first()
    before = client.get(url, {"lab": lab.pk}).content.decode()
    reading_save(kpi=kpi, period_start=timezone.localdate().replace(day=1), value=kpi.target,
                 note="", user=barnet_officer)  # fmt: skip
    after = client.get(url, {"lab": lab.pk}).content.decode()
    assert before != after


def test_a_publish_shows_on_the_next_visit(client, convenor, lab, barnet_pilot):
    client.force_login(convenor)
    url = reverse("lab_dashboard")
    before = client.get(url, {"lab": lab.pk}).content.decode()
    barnet_pilot.stage = "completed" if barnet_pilot.stage != "completed" else "in_delivery"
    barnet_pilot.save_revision().publish()
    after = client.get(url, {"lab": lab.pk}).content.decode()
    assert before != after


def test_a_national_lab_shows_its_boroughs_a_page_at_a_time(client, convenor):
    from pilots.seed.synthetic import Size, synthetic_seed

    big = synthetic_seed(Size(authorities=30, pilots_per=1, kpis_per=1, readings_per=1),
                         slug="synthetic-paged")  # fmt: skip
    client.force_login(convenor)
    url = reverse("lab_dashboard")
    first = client.get(url, {"lab": big.pk}).content.decode()
    second = client.get(url, {"lab": big.pk, "page": 2}).content.decode()
    assert "boroughs 1–25 of 30" in first and "Next boroughs" in first
    row = '<th scope="row">Synthetic authority {}</th>'.format
    assert row("001") in first and row("030") not in first
    assert row("030") in second and "Previous boroughs" in second


def _designed(client, lab) -> list[str]:
    """The boroughs the dashboard counts as having designed a pilot (outcome 2)."""
    outcomes = client.get(reverse("lab_dashboard"), {"lab": lab.pk}).context["outcomes"]
    return next(m for o in outcomes for m in o.measures if m.key == "pilot_designed").boroughs


def test_the_outcomes_follow_a_publish_on_the_next_visit(
    client, convenor, lab, barnet_pilot, django_capture_on_commit_callbacks
):
    client.force_login(convenor)
    assert "Barnet" in _designed(client, lab)

    barnets = Pilot.objects.published().filter(lab=lab, borough=barnet_pilot.borough)
    with django_capture_on_commit_callbacks(execute=True):
        for pilot in barnets:
            pilot.unpublish()
    assert "Barnet" not in _designed(client, lab)

    with django_capture_on_commit_callbacks(execute=True):
        barnet_pilot.save_revision().publish()
    assert "Barnet" in _designed(client, lab)
