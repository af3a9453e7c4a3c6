"""A pilot's targets for each period are set on its KPIs tab: only the pilot's own KPIs
can be chosen, and a period start that does not begin a period is refused."""

import datetime as dt

from bs4 import BeautifulSoup
from django.urls import reverse

from pilots.models import KPI, KPITarget
from tests.pilots.access.access_matrix_world import form_data


def with_target(data: dict, kpi: KPI, start: str, target: str) -> dict:
    return data | {
        "kpi_targets-TOTAL_FORMS": "1", "kpi_targets-INITIAL_FORMS": "0",
        "kpi_targets-0-kpi": str(kpi.pk), "kpi_targets-0-period_start": start,
        "kpi_targets-0-target": target, "kpi_targets-0-id": "",
    }  # fmt: skip


def test_a_target_for_a_period_is_published_with_the_pilot(
    csrf_client, convenor, barnet_pilot, brent_pilot
):
    url = reverse("wagtailsnippets_pilots_pilot:edit", args=[barnet_pilot.pk])
    own, other = barnet_pilot.kpis.first(), brent_pilot.kpis.first()
    csrf_client.force_login(convenor)
    page = csrf_client.get(url)
    soup = BeautifulSoup(page.content, "html.parser")
    offered = {o["value"] for o in soup.select("select[name$='-kpi'] option") if o["value"]}
    assert offered <= {str(k.pk) for k in barnet_pilot.kpis.all()}
    data = form_data(page) | {"action-publish": "publish"}

    refused = csrf_client.post(url, with_target(data, other, "2023-07-01", "30"))
    assert refused.status_code == 200 and not KPITarget.objects.exists()
    wrong = csrf_client.post(url, with_target(data, own, "2023-08-01", "30"))
    assert "does not start a quarterly period; use 01 July 2023" in wrong.content.decode()
    assert not KPITarget.objects.exists()

    assert csrf_client.post(url, with_target(data, own, "2023-07-01", "30")).status_code == 302
    target = KPITarget.objects.get()
    assert (target.kpi, target.period_start, target.target) == (own, dt.date(2023, 7, 1), 30)
