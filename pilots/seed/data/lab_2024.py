"""A second Lab, 2024, as data: ILLUSTRATIVE throughout.

No report describes a 2024 Lab. It is here so that a newcomer sees what the tracker does
across Labs: shared indicators, disaggregated readings, practice adapted from the 2023 Lab,
follow-up check-ins. Every row it makes is marked illustrative.
"""

import datetime as dt

NOTE = "Illustrative: no source describes a 2024 Lab; made up to show the tracker across Labs."

LAB = {
    "slug": "design-lab-2024",
    "name": "Borough Design Lab 2024 (illustrative)",
    "convenor": "Greater London Authority",
    "delivery_partners": "",
    "starts_on": dt.date(2024, 4, 1),
    "ends_on": dt.date(2024, 9, 30),
    "description": (
        "An illustrative second cohort, so that the tracker's comparisons across Labs have "
        "something to compare. Nothing about it is reported."
    ),
}

# (borough, title, stage, evaluation (method, status) or None,
#  [(KPI name, unit, baseline, target, frequency)])
PILOTS = [
    ("Barnet", "Volunteering pathways into work", "in_delivery", ("survey", "in_progress"),
     [("Volunteering placements started", "count", 0, 30, "monthly"),
      ("Volunteers rating the placement useful", "percent", 0, 80, "monthly")]),
    ("Camden", "Welcome pack for newly arrived residents", "completed",
     ("focus_groups", "complete"),
     [("Welcome packs handed out", "count", 0, 200, "monthly"),
      ("Recipients who found the pack useful", "percent", 0, 75, "monthly")]),
    ("Croydon", "Open house sessions in hotels", "in_delivery", ("feedback_forms", "in_progress"),
     [("Residents attending open house sessions", "count", 0, 150, "monthly")]),
    ("Ealing", "ESOL conversation clubs", "in_delivery", None,
     [("Residents attending conversation clubs", "count", 0, 90, "monthly")]),
    ("Lewisham", "Multi-agency asylum support forum", "funded", ("admin_data", "planned"),
     [("Agencies attending the forum", "count", 0, 12, "quarterly")]),
    ("Southwark", "Peer mentoring for families", "in_delivery", ("interviews", "in_progress"),
     [("Families matched with a peer mentor", "count", 0, 40, "monthly"),
      ("Families still in touch after three months", "percent", 0, 70, "monthly")]),
]  # fmt: skip

READING_MONTHS = [dt.date(2024, m, 1) for m in (5, 6, 7, 8, 9)]
