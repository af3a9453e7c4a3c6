"""The 2024 Lab's loader adds illustrative shared indicators that both Labs use, adopted by
2023 and 2024 KPIs, so the convenor's page and the API show figures to a newcomer; a
second load changes nothing."""

from django.urls import reverse

from designlab.models import SharedIndicator
from pilots.models import KPI, Pilot
from pilots.seed.lab_2024 import load_lab_2024


def test_shared_indicators_across_both_labs_marked_illustrative(client, convenor):
    load_lab_2024()
    kpis, revisions = KPI.objects.count(), {p.pk: p.latest_revision_id for p in Pilot.objects.all()}
    load_lab_2024()  # idempotent
    assert KPI.objects.count() == kpis
    assert {p.pk: p.latest_revision_id for p in Pilot.objects.all()} == revisions

    indicators = SharedIndicator.objects.all()
    assert indicators.count() == 3
    assert set(indicators.values_list("provenance", flat=True)) == {"illustrative"}
    both = indicators.get(slug="people-starting-volunteering")
    assert set(both.labs.values_list("slug", flat=True)) == {
        "asylum-welcome-2023",
        "design-lab-2024",
    }
    adopters = both.kpis.values_list("pilot__lab__slug", "pilot__borough__name")
    assert set(adopters) == {("asylum-welcome-2023", "Barnet"),
                             ("asylum-welcome-2023", "Waltham Forest"),
                             ("design-lab-2024", "Barnet")}  # fmt: skip
    for kpi in KPI.objects.filter(shared_indicator__isnull=False):
        assert (kpi.unit, kpi.frequency) == (
            kpi.shared_indicator.unit,
            kpi.shared_indicator.frequency,
        )
        # The published version carries the adoption, so the editor keeps it.
        published = kpi.pilot.latest_revision.as_object().kpis.all()
        (kept,) = [k for k in published if k.pk == kpi.pk]
        assert kept.shared_indicator_id == kpi.shared_indicator_id

    client.force_login(convenor)
    page = client.get(reverse("lab_indicators")).content.decode()
    assert "People starting a volunteering placement" in page
    assert "Residents who found the support useful" in page
    api = client.get("/api/v1/indicators/").json()
    by_slug = {item["slug"]: item for item in api["results"]}
    assert len(by_slug["people-starting-volunteering"]["labs"]) == 2
    periods = by_slug["residents-attending-sessions"]["labs"][0]["periods"]
    assert periods and all(p["pooled"]["value"] is not None for p in periods)
