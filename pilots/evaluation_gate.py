"""Evaluation at design stage, the report's main lesson: "only five of the eleven local
authorities implemented evaluations ... build in evaluation design at an earlier stage".

A pilot cannot move into delivery without an evaluation plan (a method and what will be
measured) unless a convenor has recorded why it may.
"""

from collections.abc import Iterable

from pilots.models import Evaluation, Pilot, Stage

DELIVERY_ON = {Stage.IN_DELIVERY, Stage.COMPLETED, Stage.SCALING}


def evaluation_plan_exists(evaluations: Iterable[Evaluation]) -> bool:
    return any(e.method and (e.measures or "").strip() for e in evaluations)


def evaluation_gate_problem(pilot: Pilot, *, evaluations: Iterable[Evaluation]) -> str | None:
    """Why `pilot` may not be saved with its stage, or None when it may. Only the move
    into delivery is checked: pilots already in delivery are flagged on the officer's home
    page instead of being frozen. A paused or stopped pilot moving into delivery is
    checked too, or pausing a pilot at design stage would get round the gate."""
    if pilot.stage not in DELIVERY_ON or pilot.evaluation_override_reason.strip():
        return None
    previous = Pilot.objects.filter(pk=pilot.pk).values_list("stage", flat=True).first()
    if previous in DELIVERY_ON:
        return None
    if evaluation_plan_exists(evaluations):
        return None
    return (
        "A pilot cannot move into delivery without an evaluation plan. Add one on the "
        "Evaluation tab (the method and what will be measured) and save, or ask a convenor "
        "to record why this pilot may go ahead without one."
    )
