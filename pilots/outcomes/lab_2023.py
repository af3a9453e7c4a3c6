"""The 2023 Lab's three outcomes (report Table 2, statements verbatim) with the measures and
thresholds that rate them.

The report states ratings, not thresholds. The thresholds below are set from what each
outcome claims, before looking at the counts, and each carries its reasoning. Practice
changes and pilot progress are evidence the report lists without rating them, so they are
evidence-only here.
"""

from designlab.models import Lab, Measure, Outcome, OutcomeMeasure

MAJORITY = (
    "Success when a majority of the 11 participating boroughs (6) meet it; partial success "
    "when at least one does; not met when none does."
)
EVIDENCE = "Evidence the report lists for this outcome; it does not affect the rating."

# (number, statement, [(measure, rated, success_from, partial_from, rationale)])
OUTCOMES_2023 = [
    (
        1,
        "Participating London local authorities and their key partners have successfully "
        "expanded their out-of-borough peer-networks to follow up for future problem-solving "
        "and collaboration.",
        [
            (
                Measure.RESOURCES_EXCHANGED,
                True,
                6,
                1,
                "A peer network outside the borough shows in resources exchanged with another "
                "borough (terms of reference, welcome packs, Home Office contacts). " + MAJORITY,
            ),
            (Measure.ALL_WORKSHOPS, False, None, None, EVIDENCE),
        ],
    ),
    (
        2,
        "Participating London local authorities and their key partners have tested and "
        "implemented solutions to overcome challenges identified at the start of the "
        "programme, for example an action plan that outlines how they work towards the social "
        "integration of people seeking asylum.",
        [
            (
                Measure.PILOT_DESIGNED,
                True,
                11,
                6,
                "Every participating borough undertakes to design a pilot: success needs all "
                "11; partial success a majority (6).",
            ),
            (
                Measure.EVALUATION_IMPLEMENTED,
                True,
                6,
                1,
                "'Tested' means the pilot's effectiveness is assessed: an evaluation under way "
                "or complete. " + MAJORITY,
            ),
            (Measure.PILOTS_ON_TRACK, False, None, None, EVIDENCE),
            (Measure.PRACTICE_DEFINITION, False, None, None, EVIDENCE),
            (
                Measure.PRACTICE_OUTCOMES,
                False,
                None,
                None,
                EVIDENCE + " Table 2 says five, §5 says four; Table 2 is reproduced.",
            ),
            (Measure.PRACTICE_MULTI_AGENCY, False, None, None, EVIDENCE),
            (Measure.PRACTICE_UPSKILLING, False, None, None, EVIDENCE),
            (Measure.PRACTICE_CO_DESIGN, False, None, None, EVIDENCE),
        ],
    ),
    (
        3,
        "Participating London local authorities and their key partners can identify key "
        "resources and sources of expertise required, internal to their local authority as "
        "well as external, to confront future issues in supporting people seeking asylum.",
        [
            (
                Measure.NEW_PARTNERSHIP,
                True,
                6,
                1,
                "New partnerships are the sources of expertise a borough can now call on. "
                + MAJORITY,
            ),
            (
                Measure.ACCOMMODATION_CONTACT,
                False,
                None,
                None,
                EVIDENCE + " The report says 'at least four'.",
            ),
            (Measure.RESOURCES_EXCHANGED, False, None, None, EVIDENCE),
        ],
    ),
]


def outcomes_ensure(lab: Lab, outcomes: list[tuple] = OUTCOMES_2023) -> None:
    """Create `outcomes` (the 2023 ones unless told) for `lab` unless it already has them.
    Idempotent: an outcome a convenor has since edited is left as it is."""
    for number, statement, measures in outcomes:
        outcome, created = Outcome.objects.get_or_create(
            lab=lab, number=number, defaults={"statement": statement}
        )
        if not created:
            continue
        OutcomeMeasure.objects.bulk_create(
            OutcomeMeasure(
                outcome=outcome,
                measure=measure,
                rated=rated,
                success_from=success_from,
                partial_from=partial_from,
                rationale=rationale,
                sort_order=order,
            )
            for order, (measure, rated, success_from, partial_from, rationale) in enumerate(
                measures
            )
        )
