"""Public pages, in English and Arabic, and API requests cost the same number of queries
however many pilots, case studies and resources there are: the Lab grows, the page does not
get slower query by query. An API request costs at most ten."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from pilots.models import KPI, Evaluation, Pilot, SharedResource
from toolkit.models import CaseStudyIndexPage, CaseStudyPage, ThemePage

pytestmark = pytest.mark.django_db

URLS = [
    ("/", {}),
    ("/ar/", {}),
    ("/case-studies/", {}),
    ("/resources/", {}),
    ("/resources/", {"kind": "welcome_pack", "borough": "barnet", "q": "pack"}),
    ("/resources/", {"theme": "access-to-services"}),
    ("/report/", {}),
    ("/toolkit/access-to-services/", {}),
    ("/sitemap.xml", {}),
    ("/search/", {"q": "pack"}),
    ("/api/v1/pilots/", {}),
    ("/api/v1/pilots/", {"borough": "E09000003", "page_size": 100}),
    ("/api/v1/kpis/", {}),
    ("/api/v1/kpis/", {"page": 2, "page_size": 5}),
    ("/api/v1/openapi.json", {}),
    ("/search/", {"q": "zeppelin"}),
    ("/ar/search/", {"q": "ترحيب"}),
    ("/resources/", {"q": "zeppelin"}),
    ("/resources/{welcome_pack}/", {}),
    ("/open-data/", {}),
    ("/welcome-pack/", {}),
    ("/ar/welcome-pack/", {}),
    ("/accessibility-statement/", {}),
    ("/ar/privacy-notice/", {}),
]
API_QUERY_LIMIT = 10


def _queries(client, url: str, params: dict) -> int:
    cache.clear()  # measure a real render, not a cache hit
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200, url
    return len(queries)


def _grow(lab, borough, n: int) -> None:
    """n more published pilots, each with a KPI, an evaluation, a case study and a public
    resource filed under a theme."""
    index = CaseStudyIndexPage.objects.get()
    theme = ThemePage.objects.get(slug="access-to-services")
    start = Pilot.objects.filter(title__startswith="Extra pilot").count()
    for i in range(start, start + n):
        pilot = Pilot.objects.create(lab=lab, borough=borough, title=f"Extra pilot {i}",
                                     activity="More work.", key_lesson=f"Lesson {i}.", live=True,
                                     stage="in_delivery")  # fmt: skip
        pilot.challenges.add(theme.challenge)
        kpi = KPI.objects.create(pilot=pilot, name="Sessions", baseline=0, target=20)
        kpi.readings.create(period_start=timezone.now().date(), value=12)
        Evaluation.objects.create(pilot=pilot, method="survey", status="in_progress")
        index.add_child(instance=CaseStudyPage(title=f"Extra {i}", slug=f"extra-{i}", pilot=pilot))
        resource = SharedResource.objects.create(
            lab=lab, borough=borough, title=f"Welcome pack {i}", kind="welcome_pack",
            visibility="public", approved_at=timezone.now(),
        )  # fmt: skip
        theme.resource_links.create(resource=resource)


@pytest.mark.parametrize("url, params", URLS)
def test_query_count_does_not_grow_with_the_data(client, lab, barnet_pilot, url, params):
    url = url.format(welcome_pack=SharedResource.objects.get(title="Welcome Pack").pk)
    _grow(lab, barnet_pilot.borough, 1)
    before = _queries(client, url, params)
    _grow(lab, barnet_pilot.borough, 6)
    after = _queries(client, url, params)
    assert after == before, f"{url}: {before} queries with one more pilot, {after} with seven"
    if url.startswith("/api/"):
        assert after <= API_QUERY_LIMIT, url


def test_one_pilot_from_the_api_costs_the_same_however_much_it_holds(client, barnet_pilot):
    def grow(n: int) -> None:
        for i in range(n):
            kpi = KPI.objects.create(pilot=barnet_pilot, name=f"KPI {i}", baseline=0, target=20)
            kpi.readings.create(period_start=timezone.now().date(), value=12)
            Evaluation.objects.create(pilot=barnet_pilot, method="survey", status="planned")

    url = f"/api/v1/pilots/{barnet_pilot.pk}/"
    grow(1)
    before = _queries(client, url, {})
    grow(6)
    after = _queries(client, url, {})
    assert after == before <= API_QUERY_LIMIT
    assert len(client.get(url).json()["kpis"]) == 8


def test_case_studies_added_by_growth_are_shown(client, lab, barnet_pilot):
    # The counts above are only meaningful if the new rows are on the pages measured.
    _grow(lab, barnet_pilot.borough, 2)
    assert "Lesson 1." in client.get("/report/").content.decode()  # Table 1
    assert "Extra 1" in client.get("/case-studies/").content.decode()
    assert "Welcome pack 1" in client.get("/resources/").content.decode()
    assert "/case-studies/extra-1/" in client.get("/sitemap.xml").content.decode()
