"""Each Lab's outcome ratings side by side, with the counts behind them and the strength of
their evidence. Ratings are computed from published records only (`lab_outcomes`), so the
convenors' page and the public one show the same figures."""

import datetime as dt
from dataclasses import dataclass

from designlab.models import Lab
from pilots.outcomes.ratings import MeasureResult, OutcomeResult, lab_outcomes


@dataclass(frozen=True)
class LabsCompared:
    labs: list[Lab]
    # ("Outcome 1", [each Lab's outcome 1 or None]), in number order
    outcomes: list[tuple[int, list[OutcomeResult | None]]]
    # (what the measure counts, [each Lab's count or None]), in the order first met
    measures: list[tuple[str, list[MeasureResult | None]]]


def labs_compared(*, today: dt.date) -> LabsCompared:
    """Every Lab that has outcomes, oldest first, its outcomes and measures aligned by
    outcome number and by measure."""
    labs = list(Lab.objects.filter(outcomes__isnull=False).distinct().order_by("starts_on"))
    results = [lab_outcomes(lab, today=today) for lab in labs]
    numbers = sorted({outcome.number for outcomes in results for outcome in outcomes})
    by_number = [{outcome.number: outcome for outcome in outcomes} for outcomes in results]
    labels: dict[str, str] = {}
    by_key: list[dict[str, MeasureResult]] = []
    for outcomes in results:
        found: dict[str, MeasureResult] = {}
        for outcome in outcomes:
            for measure in outcome.measures:
                labels.setdefault(measure.key, measure.label)
                found.setdefault(measure.key, measure)
        by_key.append(found)
    return LabsCompared(
        labs=labs,
        outcomes=[(n, [lab.get(n) for lab in by_number]) for n in numbers],
        measures=[(label, [lab.get(key) for lab in by_key]) for key, label in labels.items()],
    )
