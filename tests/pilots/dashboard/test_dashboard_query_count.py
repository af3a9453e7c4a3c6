"""The dashboard's query count does not grow with the data: everything is aggregated
in the database."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pilots.seed.synthetic import Size, synthetic_seed


def _queries(client, lab) -> int:
    url = reverse("lab_dashboard")
    client.get(url, {"lab": lab.pk})  # warm caches (content types, session)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, {"lab": lab.pk})
    assert response.status_code == 200
    return len(captured)


def test_same_query_count_for_small_and_ten_times_the_data(client, convenor):
    client.force_login(convenor)
    small = synthetic_seed(Size(authorities=2, pilots_per=2, kpis_per=2, readings_per=3),
                           slug="synthetic-small")  # fmt: skip
    large = synthetic_seed(Size(authorities=20, pilots_per=2, kpis_per=2, readings_per=3),
                           slug="synthetic-large")  # fmt: skip

    small_count, large_count = _queries(client, small), _queries(client, large)

    assert large.pilots.count() == 10 * small.pilots.count()
    assert small_count == large_count
    assert small_count < 50  # a guard against a panel that queries per row


def test_filters_do_not_add_queries_per_row(client, convenor, lab):
    client.force_login(convenor)
    from designlab.models import Challenge

    challenge = Challenge.objects.first()
    url = reverse("lab_dashboard")
    client.get(url)
    with CaptureQueriesContext(connection) as plain:
        client.get(url, {"lab": lab.pk})
    with CaptureQueriesContext(connection) as filtered:
        client.get(url, {"lab": lab.pk, "challenge": challenge.pk})

    assert len(filtered) == len(plain)
