"""One view of a Lab's dashboard (its filters and pages), its figures kept in the cache
until the next change (`dashboard_cached`); and computed ahead of the first visit after a
change (`dashboard_warm`), so that a convenor opening the dashboard after a publish, an
approval or an import reads kept figures rather than waiting for them."""

import datetime as dt
from collections.abc import Iterable

from django.core.paginator import Paginator
from django.utils import timezone

from designlab.models import Challenge, IntegrationDomain, Lab, OutcomeSnapshot
from pilots.dashboard.cache import dashboard_cached
from pilots.dashboard.charts import dashboard_charts
from pilots.dashboard.data import (
    dashboard_data,
    dashboard_pilots,
    lab_exchange_data,
    rows_exchange_join,
)
from pilots.dashboard.story import kpi_lines
from pilots.outcomes.ratings import outcomes_defined, outcomes_rated

BOROUGHS_PER_PAGE = 25
KPI_LINES_PER_PAGE = 100


def lab_dashboard(
    lab: Lab,
    *,
    challenge: Challenge | None = None,
    domain: IntegrationDomain | None = None,
    today: dt.date,
    borough_page: str | None = None,
    kpi_page: str | None = None,
) -> dict:
    """What the dashboard shows of `lab` with these filters, its boroughs and KPIs a page
    at a time (a national Lab has hundreds of boroughs and tens of thousands of KPIs: the
    page stays a size a council laptop opens quickly)."""
    key = f"{lab.pk}:{getattr(challenge, 'pk', '')}:{getattr(domain, 'pk', '')}:{today}"
    defined = dashboard_cached(
        f"outcomes-defined:{lab.pk}", lambda: outcomes_defined(lab), records=True
    )
    data = dashboard_cached(key, lambda: dashboard_data(
        lab, cohort=defined.cohort, challenge=challenge, domain=domain, today=today
    ))  # fmt: skip
    exchange = dashboard_cached(f"exchange:{lab.pk}", lambda: lab_exchange_data(lab), records=True)
    rows_exchange_join(data["boroughs"], exchange)
    rows = Paginator(data["boroughs"], BOROUGHS_PER_PAGE).get_page(borough_page)
    lines = Paginator(range(data["totals"]["kpis"]), KPI_LINES_PER_PAGE).get_page(kpi_page)
    return {
        **data,
        "sessions": exchange["sessions"],
        "edges": exchange["edges"],
        # Rated from the pilots' kept figures: after a publish, one query.
        "outcomes": dashboard_cached(
            f"outcomes:{lab.pk}:{today}", lambda: outcomes_rated(defined, today=today)
        ),
        "snapshots": dashboard_cached(
            f"snapshots:{lab.pk}",
            lambda: list(OutcomeSnapshot.objects.filter(lab=lab)[:8]),
            records=True,
        ),
        "boroughs": rows.object_list,
        "borough_page": rows,
        "charts": dashboard_charts(
            rows.object_list, exchange["sessions"], everyone=data["boroughs"]
        ),
        "kpi_page": lines,
        "kpi_lines": dashboard_cached(
            f"{key}:kpis:{lines.number}",
            lambda: kpi_lines(
                dashboard_pilots(lab, challenge=challenge, domain=domain),
                max(lines.start_index() - 1, 0),
                lines.end_index(),
            ),
        ),
    }


def dashboard_warm(lab_ids: Iterable[int]) -> int:
    """Compute and keep the dashboards of `lab_ids` as a convenor first sees them (no
    filter, first pages); returns how many Labs. Safe to run for a Lab that is gone."""
    labs = list(Lab.objects.filter(pk__in=list(lab_ids)))
    today = timezone.localdate()
    for lab in labs:
        lab_dashboard(lab, today=today)
    return len(labs)
