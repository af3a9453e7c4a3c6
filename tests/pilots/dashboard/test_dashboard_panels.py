"""What the dashboard shows about the 2023 Lab, each panel with a table alternative."""

import re

from django.urls import reverse

from designlab.models import Challenge, IntegrationDomain


def _get(client, convenor, **params):
    client.force_login(convenor)
    return client.get(reverse("lab_dashboard"), params).text


def _row(html, borough):
    """The cells of the first table row headed by `borough`, as text."""
    match = re.search(rf'<th scope="row">{borough}</th>(.*?)</tr>', html, re.S)
    cells = re.findall(r"<td>(.*?)</td>", match[1], re.S)
    return [re.sub(r"<[^>]+>", "", c).strip() for c in cells]


def test_pilot_status_by_borough(client, convenor, lab):
    html = _get(client, convenor, lab=lab.pk)

    # Newham: two pilots in delivery, both behind the "launched" milestone.
    newham = _row(html, "Newham")
    assert newham[:7] == ["0", "0", "2", "0", "0", "0", "0"]
    assert newham[7] == "2 of 2"


def test_charts_are_svg_with_text_and_a_table_alternative(client, convenor, lab):
    html = _get(client, convenor)

    assert html.count('<svg class="dl-chart" role="img"') == 5
    assert '<title id="chart-evaluation-title">' in html
    assert ">1 of 1</text>" in html  # Brent: its one pilot has an implemented evaluation
    assert html.count('<details class="dl-table-toggle">') == 3  # evaluation, KPIs, attendance


def test_filtering_by_challenge_counts_only_matching_pilots(client, convenor, lab):
    esol = Challenge.objects.get(slug="esol")

    html = _get(client, convenor, lab=lab.pk, challenge=esol.pk)

    assert "1 published pilot matching the filters" in html  # Waltham Forest's volunteering


def test_filtering_by_domain(client, convenor, lab):
    housing = IntegrationDomain.objects.get(name="Housing")

    html = _get(client, convenor, lab=lab.pk, domain=housing.pk)

    assert "1 published pilot matching the filters" in html  # Newham's move-on service


def test_peer_exchange_network_lists_who_reused_whose_resources(client, convenor, lab):
    html = _get(client, convenor)

    assert re.search(r"<td>Barking and Dagenham</td><td>Brent</td><td>1</td>", html)


def test_a_borough_is_stale_when_nothing_changed_or_reported_for_90_days():
    import datetime as dt

    from django.utils import timezone

    from pilots.dashboard.rows import BoroughRow

    long_ago = timezone.now() - dt.timedelta(days=120)
    quiet = BoroughRow(1, "Quiet", last_update=long_ago, last_period=long_ago.date())
    reporting = BoroughRow(2, "Reporting", last_update=long_ago, last_period=timezone.localdate())

    assert quiet.stale and not reporting.stale
    assert BoroughRow(3, "Never").stale
