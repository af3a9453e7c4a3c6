"""What a pilot's own records say about it, for the outcome measures that count pilots or
their boroughs: each a condition on one pilot's rows, kept as a flag in its figures
(`PilotFigures`, computed when the pilot or its records change), so that a Lab's counts
read one kept row per published pilot (`pilots.outcomes.measures.pilots_measured`)."""

from django.db.models import BooleanField, Exists, Expression, ExpressionWrapper, OuterRef, QuerySet

from pilots.models import Evaluation, FollowUp, Partnership, Pilot, PracticeChange


def _has(records: QuerySet, **conditions) -> Exists:
    return Exists(records.filter(pilot=OuterRef("pk"), **conditions))


def _practice(kind: str) -> Exists:
    return _has(PracticeChange.objects.all(), kind=kind)


def evaluation_implemented() -> Exists:
    """The pilot has an evaluation under way or done (`Evaluation.IMPLEMENTED`)."""
    return _has(Evaluation.objects.all(), status__in=Evaluation.IMPLEMENTED)


def pilot_flags() -> dict[str, Expression]:
    """Each flag's condition, to annotate a queryset of pilots with; the names are the
    fields of `PilotFigures` that keep them."""
    accommodation = _has(
        Partnership.objects.all(), partner_type=Partnership.PartnerType.ACCOMMODATION
    ) | _practice(PracticeChange.Kind.ACCOMMODATION)
    return {
        "evaluated": evaluation_implemented(),
        "new_partnership": _has(Partnership.objects.all(), is_new=True),
        # A partnership with an accommodation provider, or closer communication with one.
        "accommodation_contact": ExpressionWrapper(accommodation, output_field=BooleanField()),
        "practice_multi_agency": _practice(PracticeChange.Kind.MULTI_AGENCY),
        "practice_upskilling": _practice(PracticeChange.Kind.UPSKILLING),
        "practice_co_design": _practice(PracticeChange.Kind.CO_DESIGN),
        "practice_definition": _practice(PracticeChange.Kind.DEFINITION),
        "practice_outcomes": _practice(PracticeChange.Kind.OUTCOMES),
        "practice_accommodation": _practice(PracticeChange.Kind.ACCOMMODATION),
        # Its approved 12-month check-in says it is still running.
        "sustained_12_months": _has(
            FollowUp.objects.approved(), months_after=12, still_running=FollowUp.YesNo.YES
        ),
        # Adapted from a published pilot of another borough, in this Lab or an earlier one:
        # it changes with that pilot too (`pilots.dashboard.cache`).
        "adapted_from_another_borough": Exists(
            Pilot.objects.adapted_from_another_borough().filter(pk=OuterRef("pk"))
        ),
    }
