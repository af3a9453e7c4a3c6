import json
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from designlab.models import Lab
from pilots.outcomes.evidence import EVIDENCE_RULE
from pilots.outcomes.ratings import lab_outcomes, outcome_json, outcomes_snapshot_take


class Command(BaseCommand):
    help = "Print a Lab's outcomes, rated from its published records, with the evidence."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("lab", help="The Lab's slug, e.g. asylum-welcome-2023.")
        parser.add_argument("--json", action="store_true", help="Print JSON instead of text.")
        parser.add_argument(
            "--snapshot", action="store_true", help="Also store the results as a snapshot."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            lab = Lab.objects.get(slug=options["lab"])
        except Lab.DoesNotExist:
            raise CommandError(f"No Lab with the slug {options['lab']!r}.") from None
        results = lab_outcomes(lab)
        if options["snapshot"]:
            outcomes_snapshot_take(lab)
        if options["json"]:
            payload = {
                "lab": lab.slug,
                "evidence_rule": EVIDENCE_RULE,
                "outcomes": [outcome_json(r) for r in results],
            }
            self.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False))
            return
        if not results:
            self.stdout.write(f"{lab.name} has no outcomes defined.")
        for outcome in results:
            self.stdout.write(
                f"Outcome {outcome.number}: {outcome.rating_label} "
                f"(evidence: {outcome.evidence_grade_label})"
            )
            self.stdout.write(f"  {outcome.statement}")
            for m in outcome.measures:
                rating = m.rating_label or "evidence only"
                self.stdout.write(f"  - {m.label}: {m.count} of {m.total} {m.unit} ({rating})")
                if m.rated:
                    self.stdout.write(
                        f"      Success from {m.success_from}, partial from {m.partial_from}."
                    )
                names = m.pilots or m.boroughs
                if names:
                    self.stdout.write(f"      {'; '.join(names)}")
            self.stdout.write(f"  Evidence: {outcome.evidence.summary}.")
        if results:
            self.stdout.write(EVIDENCE_RULE)
