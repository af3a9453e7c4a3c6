"""Every public page type and every API endpoint is built from at most ten queries, and the
same number when the Lab grows tenfold: more pilots with case studies, KPIs, readings,
evaluations and public resources, and a synthetic Lab of more authorities beside it.

Each page is measured twice. First the visit after a publish with a cold cache, which
builds everything: its count must not grow with the data either. Then the page built for
a request (a query string keeps it out of the page cache, as in
benchmarks/serve_toolkit_page.py): what changes only on publish (navigation, footer,
privacy, a page's content, the report's tables, open data aggregates, the library's filter
choices) is then kept in the cache until the next one, and at most ten queries remain."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from pilots.dashboard.figures import pilot_figures_ensure
from pilots.models import KPI, Evaluation, Pilot, SharedResource
from pilots.seed.synthetic import Size, synthetic_seed
from toolkit.cache import _generation_start
from toolkit.models import CaseStudyIndexPage, CaseStudyPage, ResourceTheme, ThemePage

pytestmark = [pytest.mark.django_db, pytest.mark.scale]

QUERY_LIMIT = 10
SIZES = (2, 20)  # extra pilots, case studies, resources, KPIs and authorities: tenfold


def _queries(client, url: str, params: dict, status: int) -> tuple[int, int]:
    """The queries of the first visit after a publish, and of the page built again."""
    # The pilots' kept figures, computed when their changes commit in use (a test's
    # transaction never commits): else the first visit computes the missing ones.
    pilot_figures_ensure(Pilot.objects.all())
    _generation_start()  # a publish
    cache.clear()  # and what outlives one (Wagtail's site root paths): counted from cold
    with CaptureQueriesContext(connection) as first:
        # The first visit after it keeps what lasts until the next.
        assert client.get(url, params).status_code == status, url
    with CaptureQueriesContext(connection) as built:
        # A query string the page ignores: built for this request, as the benchmark's.
        response = client.get(url, {**params, "built": "1"})
    assert response.status_code == status, url
    return len(first), len(built)


def _grow_to(n: int, *, lab, pilot: Pilot) -> None:
    """n extra published pilots (each with a KPI and reading, an evaluation, a case study
    and a public resource under a theme, adapted from `pilot`), n more KPIs with readings
    and evaluations on `pilot`, and a synthetic Lab of n authorities."""
    index = CaseStudyIndexPage.objects.get()
    theme = ThemePage.objects.get(slug="access-to-services")
    start = Pilot.objects.filter(title__startswith="Extra pilot").count()
    today = timezone.now().date()
    for i in range(start, n):
        extra = Pilot.objects.create(lab=lab, borough=pilot.borough, title=f"Extra pilot {i}",
                                     activity="More work.", key_lesson=f"Lesson {i}.", live=True,
                                     stage="in_delivery", adapted_from=pilot)  # fmt: skip
        extra.challenges.add(theme.challenge)
        kpi = KPI.objects.create(pilot=extra, name="Sessions", baseline=0, target=20)
        kpi.readings.create(period_start=today, value=12)
        Evaluation.objects.create(pilot=extra, method="survey", status="in_progress")
        index.add_child(instance=CaseStudyPage(title=f"Extra {i}", slug=f"extra-{i}", pilot=extra))
        resource = SharedResource.objects.create(
            lab=lab, borough=pilot.borough, title=f"Welcome pack {i}", kind="welcome_pack",
            visibility="public", approved_at=timezone.now(),
        )  # fmt: skip
        ResourceTheme.objects.create(page=theme, resource=resource)
        kpi = KPI.objects.create(pilot=pilot, name=f"Extra KPI {i}", baseline=0, target=20)
        kpi.readings.create(period_start=today.replace(day=1), value=i)
        kpi.readings.create(period_start=today, value=i + 1)
        Evaluation.objects.create(pilot=pilot, method="survey", status="planned")
    synthetic_seed(Size(authorities=n, pilots_per=2, kpis_per=2, readings_per=3),
                   slug="synthetic-growth")  # fmt: skip


@pytest.fixture
def counts(client, lab, barnet_pilot):
    """The queries `url` costs at each size, smallest first."""

    def measure(url: str, params: dict | None = None, status: int = 200) -> list[tuple[int, int]]:
        found = []
        for n in SIZES:
            _grow_to(n, lab=lab, pilot=barnet_pilot)
            found.append(_queries(client, url, params or {}, status))
        return found

    return measure


def _assert_flat(found: list[tuple[int, int]], url: str) -> None:
    (small_first, small), (large_first, large) = found
    assert small == large, f"{url}: {small} queries at the small size, {large} at ten times"
    assert large <= QUERY_LIMIT, f"{url}: {large} queries, more than {QUERY_LIMIT}"
    assert small_first == large_first, (
        f"{url}: the first visit after a publish {small_first} queries at the small size, "
        f"{large_first} at ten times"
    )


@pytest.mark.parametrize("url", ["/", "/ar/"])
def test_home_page(counts, url):
    _assert_flat(counts(url), url)


def test_toolkit_index_page(counts):
    _assert_flat(counts("/toolkit/"), "/toolkit/")


def test_theme_page(counts):
    url = "/toolkit/access-to-services/"
    _assert_flat(counts(url), url)


def test_case_study_index_page(counts):
    _assert_flat(counts("/case-studies/"), "/case-studies/")


def test_case_study_page(counts, case_study):
    _assert_flat(counts(case_study.url), case_study.url)


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"kind": "welcome_pack", "borough": "barnet", "q": "pack"},
        {"theme": "access-to-services"},
        {"q": "zeppelin"},
    ],
)
def test_resource_library_page(counts, params):
    _assert_flat(counts("/resources/", params), f"/resources/ {params}")


def test_resource_page(counts):
    url = f"/resources/{SharedResource.objects.get(title='Welcome Pack').pk}/"
    _assert_flat(counts(url), url)


def test_lab_report_page(counts):
    _assert_flat(counts("/report/"), "/report/")


def test_labs_compared_page(counts):
    _assert_flat(counts("/labs-compared/"), "/labs-compared/")


@pytest.mark.parametrize(
    "url",
    ["/open-data/", "/open-data/pilots-by-stage.csv", "/open-data/evaluations-by-status.json",
     "/open-data/kpi-readings.csv", "/open-data/lineage.csv", "/open-data/lineage.json"],
)  # fmt: skip
def test_open_data_page_and_downloads(counts, url):
    _assert_flat(counts(url), url)


@pytest.mark.parametrize("url", ["/welcome-pack/", "/ar/welcome-pack/"])
def test_content_page(counts, url):
    _assert_flat(counts(url), url)


@pytest.mark.parametrize(
    "url",
    ["/accessibility-statement/", "/privacy-notice/", "/ar/accessibility-statement/",
     "/ar/privacy-notice/"],
)  # fmt: skip
def test_statutory_pages(counts, url):
    _assert_flat(counts(url), url)


@pytest.mark.parametrize(
    "url, params",
    [("/search/", {"q": "pack"}), ("/search/", {"q": "zeppelin"}),
     ("/ar/search/", {"q": "ترحيب"}), ("/search/", {})],
)  # fmt: skip
def test_search_page(counts, url, params):
    _assert_flat(counts(url, params), f"{url} {params}")


def test_sitemap(counts):
    _assert_flat(counts("/sitemap.xml"), "/sitemap.xml")


@pytest.mark.parametrize("url", ["/no-such-page/", "/ar/no-such-page/"])
def test_not_found_page(counts, url):
    _assert_flat(counts(url, status=404), url)


@pytest.mark.parametrize(
    "params", [{}, {"borough": "E09000003", "page_size": 100}, {"page": 2, "page_size": 5}]
)
def test_api_pilot_list(counts, params):
    _assert_flat(counts("/api/v1/pilots/", params), f"/api/v1/pilots/ {params}")


def test_api_one_pilot(counts, barnet_pilot):
    url = f"/api/v1/pilots/{barnet_pilot.pk}/"
    _assert_flat(counts(url), url)


@pytest.mark.parametrize("params", [{}, {"page": 2, "page_size": 5}])
def test_api_kpi_list(counts, params):
    _assert_flat(counts("/api/v1/kpis/", params), f"/api/v1/kpis/ {params}")


def test_api_openapi_document(counts):
    _assert_flat(counts("/api/v1/openapi.json"), "/api/v1/openapi.json")


def test_growth_reaches_the_pages_measured(client, lab, barnet_pilot, case_study):
    # The counts above mean something only if what grows is on the pages measured.
    _grow_to(SIZES[0], lab=lab, pilot=barnet_pilot)
    assert "Lesson 1." in client.get("/report/").content.decode()  # Table 1
    assert "Extra 1" in client.get("/case-studies/").content.decode()
    assert "Welcome pack 1" in client.get("/resources/").content.decode()
    assert "Welcome pack 1" in client.get("/toolkit/access-to-services/").content.decode()
    assert "Extra KPI 1" in client.get(case_study.url).content.decode()
    assert "/case-studies/extra-1/" in client.get("/sitemap.xml").content.decode()
    assert "Synthetic authority 002" in client.get("/open-data/").content.decode()
    assert "Extra pilot 1" in client.get("/open-data/lineage.csv").content.decode()
    assert "Extra pilot 1" in client.get("/labs-compared/").content.decode()
    assert "/case-studies/extra-1/" in client.get(case_study.url).content.decode()  # adapted by
    assert (
        client.get("/api/v1/pilots/").json()["count"]
        >= 4 + Pilot.objects.filter(lab=lab, live=True).count()
    )
