"""The pages and files that show follow-up check-ins cost at most ten queries, and the same
number when the Lab grows tenfold and every published pilot has approved check-ins (see
test_queries_per_page.py for how a page is measured)."""

import pytest

from pilots.models import FollowUp, Pilot
from tests.pilots.followups.helpers import answered
from tests.toolkit.test_queries_per_page import SIZES, _assert_flat, _grow_to, _queries

pytestmark = pytest.mark.django_db


def _grow_with_check_ins(n: int, *, lab, pilot: Pilot) -> None:
    _grow_to(n, lab=lab, pilot=pilot)
    for each in Pilot.objects.published().filter(follow_ups__isnull=True):
        answered(each, 6, FollowUp.Status.APPROVED)
        answered(each, 12, FollowUp.Status.APPROVED)


@pytest.fixture
def counts(client, lab, barnet_pilot):
    def measure(url: str) -> list[int]:
        found = []
        for n in SIZES:
            _grow_with_check_ins(n, lab=lab, pilot=barnet_pilot)
            found.append(_queries(client, url, {}, 200))
        return found

    return measure


@pytest.mark.parametrize(
    "url",
    ["/api/v1/pilots/", "/open-data/", "/open-data/follow-ups.csv", "/open-data/follow-ups.json"],
)
def test_lists_and_files(counts, url):
    _assert_flat(counts(url), url)


def test_case_study_page(counts, case_study):
    _assert_flat(counts(case_study.url), case_study.url)


def test_one_pilot(counts, barnet_pilot):
    url = f"/api/v1/pilots/{barnet_pilot.pk}/"
    _assert_flat(counts(url), url)


def test_growth_reaches_what_is_measured(client, lab, barnet_pilot, case_study):
    _grow_with_check_ins(SIZES[0], lab=lab, pilot=barnet_pilot)
    assert "Still running 12 months after the Lab" in client.get(case_study.url).content.decode()
    rows = client.get("/open-data/follow-ups.json").json()["rows"]
    assert len(rows) == 2 * Pilot.objects.published().count()
