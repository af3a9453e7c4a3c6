"""A KPI that counts people shows no figure below the threshold on its case study or in the
API, whichever list, filter or page the figure is read from, and no API answer carries a
total of people that a hidden figure could be subtracted from. Other units are shown."""

import re

import pytest

from pilots.models import KPI

pytestmark = pytest.mark.django_db


def _latest(kpi: KPI, value: int) -> None:
    reading = kpi.readings.order_by("period_start").last()
    reading.value = value
    reading.save()


def _case_study_row(client, case_study, kpi: KPI) -> str:
    html = client.get(case_study.url).content.decode()
    return re.search(rf"<th scope=\"row\">{kpi.name}.*?</tr>", html, re.S)[0]


@pytest.mark.parametrize("value, shown", [(9, False), (10, True), (0, True)])
def test_case_study_and_api_hide_a_count_of_people_just_below_the_threshold(
    client, barnet_pilot, case_study, value, shown
):
    kpi = barnet_pilot.kpis.get()
    assert kpi.counts_people
    _latest(kpi, value)
    row = _case_study_row(client, case_study, kpi)
    api = client.get(f"/api/v1/pilots/{barnet_pilot.pk}/").json()["kpis"][0]
    if shown:
        assert f'<td class="number">{value} <span' in row and api["latest_value"] == value
    else:
        assert "Fewer than 10" in row and f'<td class="number">{value} ' not in row
        assert api["latest_value"] is None and api["suppressed"] is True


def test_the_threshold_setting_moves_the_line(client, settings, barnet_pilot, case_study):
    settings.TOOLKIT_SUPPRESSION_THRESHOLD = 3
    kpi = barnet_pilot.kpis.get()
    _latest(kpi, 3)
    assert client.get(f"/api/v1/pilots/{barnet_pilot.pk}/").json()["kpis"][0]["latest_value"] == 3
    _latest(kpi, 2)
    assert "Fewer than 3" in _case_study_row(client, case_study, kpi)


def test_a_percentage_is_not_a_count_of_people(client, barnet_pilot):
    kpi = barnet_pilot.kpis.get()
    KPI.objects.filter(pk=kpi.pk).update(unit=KPI.Unit.PERCENT)
    _latest(kpi, 4)
    item = client.get(f"/api/v1/pilots/{barnet_pilot.pk}/").json()["kpis"][0]
    assert item["latest_value"] == 4 and item["suppressed"] is False


def _kpi_figures(answer) -> list[dict]:
    """Every KPI figure in an API answer (a pilot, a page of pilots, a page of KPIs)."""
    if "results" in answer:
        return [f for item in answer["results"] for f in _kpi_figures(item)]
    return answer.get("kpis", [answer])


def test_no_two_api_answers_subtracted_reveal_a_hidden_count(client, barnet_pilot):
    _latest(barnet_pilot.kpis.get(), 4)
    boroughs = {p["borough"]["gss_code"] for p in client.get("/api/v1/pilots/").json()["results"]}
    answers = {
        "pilots": client.get("/api/v1/pilots/", {"page_size": 100}).json(),
        "kpis": client.get("/api/v1/kpis/", {"page_size": 100}).json(),
        "detail": client.get(f"/api/v1/pilots/{barnet_pilot.pk}/").json(),
        **{code: client.get("/api/v1/pilots/", {"borough": code}).json() for code in boroughs},
    }
    barnet_kpi = barnet_pilot.kpis.get().pk
    seen: dict[int, set] = {}
    for name, answer in answers.items():
        # Beside each KPI's own figures, only counts of pilots or KPIs (exact) and ids: no
        # total of people, by borough or over all, for a hidden figure to be taken from.
        if "results" in answer:
            assert set(answer) == {"count", "next", "previous", "licence", "results"}, name
            assert answer["count"] == len(answer["results"]), name
        for pilot in answer.get("results", [answer]):
            if "kpis" in pilot:
                numbers = {k for k, v in pilot.items() if type(v) in (int, float)}
                assert numbers == {"id"}, name
        for figure in _kpi_figures(answer):
            key = (figure["latest_value"], figure["baseline"], figure["progress_percent"])
            seen.setdefault(figure["id"], set()).add(key)
            if figure["id"] == barnet_kpi:
                assert figure["latest_value"] is None and figure["suppressed"], name
    # Each KPI reads the same in every answer: no view hides a figure another shows.
    assert all(len(keys) == 1 for keys in seen.values())


@pytest.mark.parametrize("latest, shown", [(55, False), (50, True), (60, True)])
def test_a_latest_reading_a_few_people_from_the_baseline_is_hidden(
    client, barnet_pilot, case_study, latest, shown
):
    # Baseline 50 and latest 55 would say that 5 more people took part.
    kpi = barnet_pilot.kpis.get()
    KPI.objects.filter(pk=kpi.pk).update(baseline=50, target=100)
    _latest(kpi, latest)
    row = _case_study_row(client, case_study, kpi)
    api = client.get(f"/api/v1/pilots/{barnet_pilot.pk}/").json()["kpis"][0]
    assert api["baseline"] == 50 and '<td class="number">50</td>' in row
    if shown:
        assert api["latest_value"] == latest and api["suppressed"] is False
    else:
        assert api["latest_value"] is None and api["suppressed"] is True
        assert api["progress_percent"] is None  # 10% of the way to 100 would give it away
        assert '<td class="number">Hidden <span' in row and "Fewer than" not in row


def test_a_baseline_never_set_is_not_called_hidden(client, barnet_pilot, case_study):
    kpi = barnet_pilot.kpis.get()
    KPI.objects.filter(pk=kpi.pk).update(baseline=None)
    _latest(kpi, 4)
    row = _case_study_row(client, case_study, kpi)
    assert row.count("Fewer than 10") == 1  # the reading, not the missing baseline
