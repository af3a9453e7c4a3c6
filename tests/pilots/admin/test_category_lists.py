"""Convenors keep the lists of categories KPIs are split by (Design Lab → Category lists);
officers may list, inspect and choose them but never add, change or delete one."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from designlab.models import Breakdown, Category
from tests.pilots.conftest import csrf_token

URL = "wagtailsnippets_designlab_breakdown"


def _data(client, name: str, categories: list[str]) -> dict:
    return {
        "csrfmiddlewaretoken": csrf_token(client),
        **nested_form_data({
            "name": name, "description": "", "provenance": "reported", "source_note": "",
            "categories": inline_formset(
                [{"name": c, "id": ""} for c in categories], min=2, max=1000
            ),
        }),
    }  # fmt: skip


def test_convenor_adds_a_list_in_order(csrf_client, convenor):
    csrf_client.force_login(convenor)
    assert csrf_client.get(reverse(f"{URL}:add")).status_code == 200
    data = _data(csrf_client, "Months in the UK (test)", ["Under 3", "3 to 11", "12 or more"])
    response = csrf_client.post(reverse(f"{URL}:add"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    breakdown = Breakdown.objects.get(name="Months in the UK (test)")
    assert [c.name for c in breakdown.categories.all()] == ["Under 3", "3 to 11", "12 or more"]


def test_officer_may_list_inspect_and_choose(client, barnet_officer, age_band):
    client.force_login(barnet_officer)
    assert "Age band (test)" in client.get(reverse(f"{URL}:list")).content.decode()
    assert client.get(reverse(f"{URL}:inspect", args=[age_band.pk])).status_code == 200
    chooser = client.get(reverse("wagtailsnippetchoosers_designlab_breakdown:choose"))
    assert chooser.status_code == 200 and "Age band (test)" in chooser.content.decode()


@pytest.mark.parametrize("view", ["add", "edit", "delete"])
def test_officer_may_not_change_a_list(csrf_client, barnet_officer, age_band, view):
    csrf_client.force_login(barnet_officer)
    url = reverse(f"{URL}:{view}", args=[] if view == "add" else [age_band.pk])
    assert csrf_client.get(url).status_code in (302, 403)
    data = _data(csrf_client, "Renamed", ["Young", "Old"])
    assert csrf_client.post(url, data).status_code in (302, 403)
    assert list(Breakdown.objects.values_list("name", flat=True)) == ["Age band (test)"]
    assert list(Category.objects.values_list("name", flat=True)) == [
        "Under 25", "25 to 49", "50 and over",
    ]  # fmt: skip


def test_a_kpi_is_split_in_the_pilots_editor_by_a_plain_choice(
    client, barnet_officer, barnet_pilot, age_band
):
    client.force_login(barnet_officer)
    page = client.get(reverse("wagtailsnippets_pilots_pilot:edit", args=[barnet_pilot.pk]))
    assert page.status_code == 200
    assert "split_by" in page.content.decode() and "Age band (test)" in page.content.decode()


def test_a_category_with_figures_cannot_be_removed(csrf_client, convenor, split_kpi):
    import datetime as dt

    from tests.pilots.readings.parts_helpers import reading_with_parts

    reading_with_parts(split_kpi, dt.date(2023, 7, 1), 40, [12, 20, 8])
    breakdown = split_kpi.split_by
    categories = list(breakdown.categories.all())
    csrf_client.force_login(convenor)
    data = {
        "csrfmiddlewaretoken": csrf_token(csrf_client),
        **nested_form_data({
            "name": breakdown.name, "description": "", "provenance": "reported",
            "source_note": "",
            "categories": inline_formset(
                [{"id": c.pk, "name": c.name, "ORDER": i, "DELETE": c == categories[0]}
                 for i, c in enumerate(categories)], initial=3, min=2, max=1000,
            ),
        }),
    }  # fmt: skip
    response = csrf_client.post(reverse(f"{URL}:edit", args=[breakdown.pk]), data)
    assert response.status_code == 200
    assert "has figures recorded against it, so it cannot be removed" in response.content.decode()
    assert breakdown.categories.count() == 3
