"""The dashboard costs at most fifteen queries, and the same number for a Lab ten times
the size: everything is aggregated in the database, and the figures are kept until the
next publish or import; right after readings are imported or approved, or a pilot is
published, it still costs at most fifteen, each pilot's figures (outcome flags and evidence
included) being kept in a row computed when it changes. Once the change has committed,
the worker computes the Lab's dashboard ahead of the visit, which then reads kept figures
only; a visit that comes before it (`unwarmed`) computes them itself."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from designlab.models import Lab
from pilots.dashboard.cache import dashboard_invalidate
from pilots.models import KPI, KPIReading
from pilots.seed.synthetic import Size, synthetic_seed

QUERY_LIMIT = 15


def _queries(client, lab, *, after_a_change: bool = False) -> int:
    url = reverse("lab_dashboard")
    client.get(url, {"lab": lab.pk})  # warm caches (content types, session, the figures)
    if after_a_change:
        dashboard_invalidate()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, {"lab": lab.pk})
    assert response.status_code == 200
    return len(captured)


@pytest.fixture
def unwarmed():
    """No dashboard computed ahead of the visit: the visit that comes before the worker."""
    from pilots.dashboard.cache import dashboard_changed

    assert dashboard_changed.disconnect(dispatch_uid="dashboard-warm")
    yield
    from pilots.tasks import dashboard_warm_queue

    dashboard_changed.connect(dashboard_warm_queue, dispatch_uid="dashboard-warm")


def _labs():
    small = synthetic_seed(Size(authorities=2, pilots_per=2, kpis_per=2, readings_per=3),
                           slug="synthetic-small")  # fmt: skip
    large = synthetic_seed(Size(authorities=20, pilots_per=2, kpis_per=2, readings_per=3),
                           slug="synthetic-large")  # fmt: skip
    assert large.pilots.count() == 10 * small.pilots.count()
    return small, large


def test_at_most_fifteen_queries_for_small_and_ten_times_the_data(client, convenor):
    client.force_login(convenor)
    small, large = _labs()

    small_count, large_count = _queries(client, small), _queries(client, large)

    assert small_count == large_count <= QUERY_LIMIT


def test_after_a_publish_the_figures_are_computed_again_in_as_many_queries(client, convenor):
    client.force_login(convenor)
    small, large = _labs()

    small_count = _queries(client, small, after_a_change=True)
    large_count = _queries(client, large, after_a_change=True)

    assert small_count == large_count
    assert small_count < 50  # a guard against a panel that queries per row


def test_filters_do_not_add_queries_per_row(client, convenor, lab):
    client.force_login(convenor)
    from designlab.models import Challenge

    challenge = Challenge.objects.first()
    url = reverse("lab_dashboard")
    client.get(url)
    dashboard_invalidate()  # both computed afresh
    with CaptureQueriesContext(connection) as plain:
        client.get(url, {"lab": lab.pk})
    dashboard_invalidate()
    with CaptureQueriesContext(connection) as filtered:
        client.get(url, {"lab": lab.pk, "challenge": challenge.pk})

    assert len(filtered) == len(plain)


def _after(client, lab, change, committed) -> int:
    url = reverse("lab_dashboard")
    client.get(url, {"lab": lab.pk})  # warm caches, compute every pilot's figures
    with committed():
        change()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, {"lab": lab.pk})
    assert response.status_code == 200
    return len(captured)


def _kept(client, lab) -> int:
    """The queries of a visit with every figure kept."""
    client.get(reverse("lab_dashboard"), {"lab": lab.pk})
    with CaptureQueriesContext(connection) as captured:
        client.get(reverse("lab_dashboard"), {"lab": lab.pk})
    return len(captured)


def _readings_changed(client, convenor, commit, action: str) -> list[int]:
    from pilots.readings.review import readings_approve
    from pilots.readings.write import readings_write

    client.force_login(convenor)
    with commit():  # the seed is a transaction of its own
        labs = _labs()
    counts = []
    for lab in labs:
        kpi = KPI.objects.filter(pilot__lab=lab).first()
        period = dt.date(2031, 1, 1)

        def imported(kpi=kpi, period=period):
            readings_write({(kpi.pk, period): (Decimal(7), "")}, user=convenor)

        def approved(kpi=kpi, period=period):
            readings_approve(KPIReading.objects.filter(kpi=kpi, period_start=period), user=convenor)

        if action == "approved":
            with commit():
                imported()
        change = imported if action == "imported" else approved
        counts.append(_after(client, lab, change, commit))
    return counts


@pytest.mark.parametrize("action", ["imported", "approved"])
def test_right_after_readings_change_at_most_fifteen_queries_at_both_sizes(
    client, convenor, django_capture_on_commit_callbacks, unwarmed, action
):
    commit = lambda: django_capture_on_commit_callbacks(execute=True)  # noqa: E731
    counts = _readings_changed(client, convenor, commit, action)
    assert counts[0] == counts[1] <= QUERY_LIMIT


@pytest.mark.parametrize("action", ["imported", "approved"])
def test_once_readings_change_the_visit_reads_figures_computed_ahead(
    client, convenor, django_capture_on_commit_callbacks, tasks_in_process, action
):
    commit = lambda: django_capture_on_commit_callbacks(execute=True)  # noqa: E731
    counts = _readings_changed(client, convenor, commit, action)
    assert counts[0] == counts[1] == _kept(client, Lab.objects.get(slug="synthetic-large"))


@pytest.mark.scale
@pytest.mark.parametrize("warmed", [False, True])
def test_right_after_a_publish_at_most_fifteen_queries_at_both_sizes(
    client, convenor, django_capture_on_commit_callbacks, request, warmed
):
    # The outcome ratings too are read from the pilots' kept figures: nothing is counted
    # again from the records of the whole Lab.
    request.getfixturevalue("tasks_in_process" if warmed else "unwarmed")
    client.force_login(convenor)
    commit = lambda: django_capture_on_commit_callbacks(execute=True)  # noqa: E731
    with commit():
        labs = _labs()
    counts = []
    for lab in labs:
        pilot = lab.pilots.order_by("pk").first()

        def published(pilot=pilot):
            pilot.stage = "completed" if pilot.stage != "completed" else "in_delivery"
            pilot.save_revision().publish()

        counts.append(_after(client, lab, published, commit))
    assert counts[0] == counts[1] <= QUERY_LIMIT
    if warmed:
        assert counts[1] == _kept(client, lab)


def test_once_a_snapshot_is_taken_the_visit_reads_figures_computed_ahead(
    client, convenor, lab, django_capture_on_commit_callbacks, tasks_in_process
):
    # A Lab's reference data (here its outcome snapshots) shows on every Lab's page: the
    # worker computes each of them again.
    from pilots.outcomes.ratings import outcomes_snapshot_take

    client.force_login(convenor)
    kept = _kept(client, lab)
    with django_capture_on_commit_callbacks(execute=True):
        outcomes_snapshot_take(lab)
    page = client.get(reverse("lab_dashboard"), {"lab": lab.pk})
    assert _kept(client, lab) == kept
    assert page.context["snapshots"][0].lab == lab  # the new snapshot shows


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_what_a_rolled_back_transaction_changed_is_not_dropped_at_the_next_commit():
    # A Lab's reference data edited and rolled back, then a logged action committed: the
    # commit moves only the version of what it changed, the page's choices stay kept.
    from django.db import transaction
    from wagtail.log_actions import log

    from designlab.models import Challenge
    from pilots.dashboard.cache import RECORDS_KEY, _version

    challenge = Challenge.objects.create(name="Access to work", slug="access-to-work")
    with pytest.raises(RuntimeError), transaction.atomic():
        Challenge.objects.create(name="Housing", slug="housing")
        raise RuntimeError
    records = _version(RECORDS_KEY)  # moved at the change, as it must

    with transaction.atomic():
        log(instance=challenge, action="wagtail.edit")

    assert _version(RECORDS_KEY) == records
