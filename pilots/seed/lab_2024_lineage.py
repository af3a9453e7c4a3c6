"""Practice lineage in the illustrative 2024 Lab: pilots that adapted a 2023 pilot, and what
they changed. Illustrative like everything of the 2024 Lab (`pilots.seed.data.lab_2024`)."""

from designlab.models import Lab, Measure, Outcome, OutcomeMeasure
from pilots.models import Pilot
from pilots.seed.data.lab_2024 import NOTE

LAB_2023 = "asylum-welcome-2023"

# (2024 borough, 2024 title, 2023 borough, 2023 title, what changed)
ADAPTATIONS = [
    ("Camden", "Welcome pack for newly arrived residents",
     "Brent", "Welcome Pack for asylum-seeking residents",
     "Brent’s pack, translated into the five languages most spoken in Camden’s hotels and "
     "handed out by the hotels’ welfare officers rather than posted."),
    ("Croydon", "Open house sessions in hotels",
     "Hammersmith and Fulham", "Open house sessions for contingency-hotel residents",
     "Held in the hotels themselves instead of a council building, with a health visitor at "
     "every other session."),
    ("Lewisham", "Multi-agency asylum support forum",
     "Tower Hamlets", "Community Partnership Forum",
     "Statutory services sit beside the VCS organisations, and the forum meets quarterly "
     "with a shared action log."),
    ("Barnet", "Volunteering pathways into work",
     "Barnet", "Volunteering service for people seeking asylum",
     "Barnet’s own 2023 service, extended with employers offering work tasters to "
     "volunteers who have the right to work."),
]  # fmt: skip


def lineage_2024_ensure(lab: Lab) -> int:
    """Link each 2024 pilot above to the 2023 pilot it adapted, once: a pilot that already
    names a source is left as it is; and show the count as evidence of the Lab's first
    outcome (peer networks). Returns how many pilots were linked."""
    outcome = Outcome.objects.filter(lab=lab, number=1).first()
    if outcome is not None:
        OutcomeMeasure.objects.get_or_create(
            outcome=outcome, measure=Measure.PILOTS_ADAPTED,
            defaults={"rated": False, "sort_order": 99, "rationale": f"Evidence only. {NOTE}"},
        )  # fmt: skip
    linked = 0
    for borough, title, source_borough, source_title, changed in ADAPTATIONS:
        pilot = Pilot.objects.filter(
            lab=lab, borough__name=borough, title=title, adapted_from__isnull=True
        ).first()
        source = Pilot.objects.filter(
            lab__slug=LAB_2023, borough__name=source_borough, title=source_title
        ).first()
        if pilot is None or source is None:
            continue
        pilot.adapted_from = source
        pilot.adaptation_note = f"{changed} ({NOTE})"
        # Through a revision, so the next edit of the pilot starts from the link too.
        pilot.save_revision().publish()
        linked += 1
    return linked
