"""The convenors' page comparing Labs, with practice lineage across them."""

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_safe

from designlab.models import Lab
from pilots.access.refusals import convenors_only
from pilots.admin.pages import admin_page
from pilots.dashboard.cache import dashboard_cached
from pilots.indicators.rollup import indicators_across_labs
from pilots.labs.compared import labs_compared
from pilots.labs.lineage import lineage_rows
from pilots.outcomes.evidence import EVIDENCE_RULE


@convenors_only
@require_safe
def labs_compared_page(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    return admin_page(
        request,
        "pilots/labs/compared.html",
        "Labs compared",
        icon="view",
        compared=dashboard_cached(f"labs-compared:{today}", lambda: labs_compared(today=today)),
        # Convenors see every adaptation, a draft's too (marked as not published).
        lineage=lineage_rows(published_only=False),
        evidence_rule=EVIDENCE_RULE,
        across_labs=indicators_across_labs(list(Lab.objects.order_by("-starts_on"))),
    )
