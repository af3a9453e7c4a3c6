"""The 2023 Asylum Welcome Design Lab as data.

Source: GLA, *Asylum Welcome Design Lab – summary report*, 19 February 2024 ("the report").
The report mostly gives counts without naming boroughs. An entry marked "R" is stated in
the report's text; "I" marks an illustrative assignment, made so that the counts match the
report (Table 2) while nobody mistakes a guess for a fact. Dates are all illustrative: the
report gives none beyond "six months" and completion "in 2023".
"""

import datetime as dt

R, I = "reported", "illustrative"

LAB = {
    "slug": "asylum-welcome-2023",
    "name": "Asylum Welcome Design Lab",
    "convenor": "Greater London Authority",
    "delivery_partners": "REAP; British Future",
    "starts_on": dt.date(2023, 4, 1),
    "ends_on": dt.date(2023, 9, 30),
    "description": (
        "A six-month Design Lab bringing together 11 London boroughs to build new knowledge "
        "that can help improve the social integration of people seeking asylum in London, and "
        "to develop a more holistic system of service delivery that responds to changing "
        "population needs and creates opportunities for social connection."
    ),
}

BOROUGHS = [
    "Barking and Dagenham",
    "Barnet",
    "Brent",
    "Hammersmith and Fulham",
    "Hillingdon",
    "Hounslow",
    "Kensington and Chelsea",
    "Lambeth",
    "Newham",
    "Tower Hamlets",
    "Waltham Forest",
]

# §7 rec. 4: seven of the eleven were Boroughs of Sanctuary or seeking accreditation.
# Only Lambeth is named (Table 1); the other six are illustrative.
SANCTUARY = {
    "Lambeth": ("accredited", R),
    "Barking and Dagenham": ("seeking", I),
    "Brent": ("seeking", I),
    "Hammersmith and Fulham": ("accredited", I),
    "Newham": ("seeking", I),
    "Tower Hamlets": ("accredited", I),
    "Waltham Forest": ("accredited", I),
}

WORKSHOPS = [
    "Overview and Assessment: identifying priorities",
    "Recently Arrived Asylum Seekers: forming initial connections and access to basic support",
    "Establishing Local Connections: building effective local relationships",
    "Settling and Increasing Agency: towards greater integration, preparing to move on",
    "Concluding Workshop: cases and lessons for strategy and actions",
]
WORKSHOP_DATES = [dt.date(2023, 4, 20), dt.date(2023, 5, 18), dt.date(2023, 6, 15),
                  dt.date(2023, 7, 13), dt.date(2023, 9, 14)]  # fmt: skip

WEBINARS = [
    "Connecting with Asylum Seekers: communication, engagement and voices",
    "Responding to Vulnerability: safeguarding and supporting families and children",
    "Access to Health and Mental Health, Support for Wellbeing",
    "Employment and Employability",
    "Community Relations and Strategic Communications",
]
WEBINAR_DATES = [dt.date(2023, 5, 4), dt.date(2023, 6, 1), dt.date(2023, 6, 29),
                 dt.date(2023, 7, 27), dt.date(2023, 8, 24)]  # fmt: skip
# Webinars were optional (report, reference 1); who attended which is illustrative.
WEBINAR_ABSENT = {
    1: ["Hillingdon"],
    2: ["Barnet", "Waltham Forest"],
    3: ["Hounslow", "Tower Hamlets", "Lambeth"],
    4: ["Kensington and Chelsea", "Hammersmith and Fulham"],
    5: ["Brent", "Newham", "Barking and Dagenham", "Hillingdon"],
}

CHALLENGES = [
    ("accommodation", "Contingency-accommodation conditions and safeguarding"),
    ("lives-on-hold", "Lives on hold: agency, work and travel"),
    ("service-barriers", "Barriers to services"),
    (
        "questionnaires-move-on",
        "Streamlined asylum questionnaires and the reduced move-on period",
    ),
    ("esol", "Learning English (ESOL)"),
    ("isolation", "Social isolation and community tensions"),
]
CHALLENGE_NOTE = (
    "Report §3.1. The questionnaire deadline is 'within 30 days' in §3.1 and '7 days' in §6; "
    "the move-on period is 7 days' notice to quit."
)

# Home Office Indicators of Integration framework (2019).
DOMAINS = [
    ("Markers and means", ["Work", "Housing", "Education", "Health and social care", "Leisure"]),
    ("Social connections", ["Bonds", "Bridges", "Links"]),
    (
        "Facilitators",
        ["Language and communication", "Culture", "Digital skills", "Safety", "Stability"],
    ),
    ("Foundation", ["Rights and responsibilities"]),
]

PILOT_NOTE = (
    "Activity and key lesson verbatim from Table 1 of the report. The short title, stage and "
    "dates are illustrative."
)

# Each pilot: borough, index into that borough's Table 1 activities, short title, stage,
# challenges, domains, and its children. Tuples for children end with the provenance.
PILOTS = [
    {
        "borough": "Barking and Dagenham",
        "title": "Translated induction ‘helping pack’",
        "stage": "completed",
        "challenges": ["service-barriers", "isolation"],
        "domains": ["Language and communication", "Links", "Bridges"],
        "partnerships": [("VCS partners (focus groups)", "vcs", True, R)],
        "practice": [
            ("co_design", "Pack co-produced through a series of eight focus groups.", R),
            ("outcomes", "Social connection spaces mapped into the helping pack.", I),
        ],
        "evaluations": [],
        "kpis": [
            ("Focus groups held", "count", 0, 8, "quarterly", R),
            ("Languages the pack is translated into", "count", 0, 6, "quarterly", I),
        ],
    },
    {
        "borough": "Barnet",
        "title": "Volunteering service for people seeking asylum",
        "stage": "in_delivery",
        "challenges": ["lives-on-hold"],
        "domains": ["Work", "Bridges"],
        "partnerships": [("Volunteer Barnet", "vcs", True, R)],
        "practice": [
            ("outcomes", "Volunteering tailored to transferable qualifications.", I),
            ("co_design", "Volunteers consulted on placements.", I),
        ],
        "evaluations": [],
        "kpis": [("Volunteering placements started", "count", 0, 40, "quarterly", I)],
    },
    {
        "borough": "Brent",
        "title": "Welcome Pack for asylum-seeking residents",
        "stage": "in_delivery",
        "challenges": ["service-barriers"],
        "domains": ["Links", "Language and communication"],
        "partnerships": [("Family Wellbeing Centres", "council", True, I)],
        "practice": [("co_design", "Focus groups with people seeking asylum inform the pack.", R)],
        "evaluations": [
            (
                "focus_groups",
                "User experiences and feedback, reviewed six months after launch.",
                "in_progress",
                True,
                R,
            )
        ],
        "kpis": [("Families using the Travel Scheme", "count", 0, 60, "quarterly", I)],
    },
    {
        "borough": "Hammersmith and Fulham",
        "title": "Open house sessions for contingency-hotel residents",
        "stage": "in_delivery",
        "challenges": ["isolation", "accommodation"],
        "domains": ["Bridges", "Safety"],
        "partnerships": [("Local VCS organisations", "vcs", True, I)],
        "practice": [
            ("definition", "Working definition of integration being formalised.", I),
            ("multi_agency", "Local Authority Forum chaired by the borough.", I),
            ("co_design", "Sessions shaped by service users' suggestions.", I),
        ],
        "evaluations": [
            ("feedback_forms", "Attendance and feedback on each session.", "in_progress", False, R)
        ],
        "kpis": [
            ("Residents attending open house sessions", "count", 0, 120, "monthly", I),
            ("Attendees rating the session useful", "percent", 0, 80, "monthly", I),
        ],
    },
    {
        "borough": "Hillingdon",
        "title": "Business case for a Multi-Agency Asylum Support Team",
        "stage": "designing",
        "challenges": ["service-barriers", "accommodation"],
        "domains": ["Health and social care", "Links"],
        "partnerships": [
            ("Home Office", "home_office", True, R),
            ("Migrant Help", "migrant_help", True, R),
            ("Accommodation providers", "accommodation", True, R),
        ],
        "practice": [
            ("definition", "Integration definition part of the support model overhaul.", I),
            ("multi_agency", "Multi-Agency Asylum Support Team.", I),
            ("accommodation", "Consistent engagement with accommodation providers.", R),
        ],
        "evaluations": [],
        "kpis": [("Support services mapped", "count", 0, 30, "quarterly", I)],
    },
    {
        "borough": "Hounslow",
        "title": "Hotel staff training on domestic violence and VAWG",
        "stage": "in_delivery",
        "challenges": ["accommodation"],
        "domains": ["Safety"],
        "partnerships": [
            ("Contingency hotel management", "accommodation", True, R),
            ("Local police", "police", True, R),
        ],
        "practice": [
            ("accommodation", "Consistent communications with hotel management.", R),
            ("upskilling", "Training drawn from other participants' practice.", I),
        ],
        "evaluations": [],
        "kpis": [("Hotel staff trained", "count", 0, 50, "quarterly", I)],
    },
    {
        "borough": "Kensington and Chelsea",
        "title": "Integrated Outreach, Early Help and Social Care team",
        "stage": "in_delivery",
        "challenges": ["service-barriers", "accommodation"],
        "domains": ["Education", "Health and social care"],
        "partnerships": [("Clearsprings Ready Homes", "accommodation", True, R)],
        "practice": [
            ("multi_agency", "Multi-disciplinary integrated team.", I),
            ("upskilling", "Practice from Afghan bridging hotels.", I),
            ("outcomes", "Tracking impact and key outcomes.", I),
            ("accommodation", "School admissions data from Clearsprings Ready Homes.", R),
        ],
        "evaluations": [
            (
                "admin_data",
                "Outcomes such as school enrolment on arrival.",
                "in_progress",
                False,
                R,
            )
        ],
        "kpis": [("Children enrolled in school on arrival", "percent", 60, 100, "quarterly", R)],
    },
    {
        "borough": "Lambeth",
        "title": "Ten Schools of Sanctuary",
        "stage": "in_delivery",
        "challenges": ["isolation"],
        "domains": ["Education", "Bridges"],
        "partnerships": [("Schools in the borough", "schools", True, R)],
        "practice": [
            ("upskilling", "A dedicated Schools of Sanctuary Lead.", I),
            ("outcomes", "Strategy with key milestones and objectives.", I),
        ],
        "evaluations": [
            (
                "admin_data",
                "Schools accredited against the strategy's milestones.",
                "in_progress",
                True,
                I,
            )
        ],
        "kpis": [("Schools accredited as Schools of Sanctuary", "count", 0, 10, "quarterly", R)],
    },
    {
        "borough": "Newham",
        "activity": 0,
        "title": "Multilingual outreach team",
        "stage": "in_delivery",
        "challenges": ["service-barriers", "accommodation"],
        "domains": ["Language and communication", "Links"],
        "partnerships": [("Clearsprings and hotel subcontractors", "accommodation", True, R)],
        "practice": [
            ("accommodation", "Outreach staff report safeguarding concerns to Clearsprings.", R),
            ("multi_agency", "Outreach joined up with Early Help.", I),
            ("upskilling", "Outreach team expanded.", I),
            ("co_design", "Residents' needs gathered in person.", I),
        ],
        "evaluations": [("feedback_forms", "Needs met at first contact.", "in_progress", False, I)],
        "kpis": [("Outreach staff in post", "count", 0, 4, "quarterly", R)],
    },
    {
        "borough": "Newham",
        "activity": 1,
        "title": "Move-on service from the one-stop shop",
        "stage": "in_delivery",
        "challenges": ["questionnaires-move-on", "lives-on-hold"],
        "domains": ["Work", "Housing"],
        "partnerships": [("Immigration advice providers", "vcs", True, I)],
        "practice": [],
        "evaluations": [],
        "kpis": [("People supported to move on", "count", 0, 100, "quarterly", I)],
    },
    {
        "borough": "Tower Hamlets",
        "activity": 0,
        "title": "Community Partnership Forum",
        "stage": "in_delivery",
        "challenges": ["isolation"],
        "domains": ["Bridges", "Links"],
        "partnerships": [("VCS organisations in the Community Partnership Forum", "vcs", True, R)],
        "practice": [("definition", "Working definition of integration formalised.", I)],
        "evaluations": [],
        "kpis": [("VCS organisations in the forum", "count", 0, 25, "quarterly", I)],
    },
    {
        "borough": "Tower Hamlets",
        "activity": 1,
        "title": "Multi-agency resettlement and migration team",
        "stage": "designing",
        "challenges": ["accommodation"],
        "domains": ["Health and social care", "Stability"],
        "partnerships": [],
        "practice": [
            ("multi_agency", "Multi-agency resettlement and migration team.", I),
            ("upskilling", "Team designed from other participants' models.", I),
        ],
        "evaluations": [],
        "kpis": [],
    },
    {
        "borough": "Waltham Forest",
        "activity": 0,
        "title": "Volunteering with vocational skills training",
        "stage": "in_delivery",
        "challenges": ["lives-on-hold", "esol"],
        "domains": ["Work", "Language and communication"],
        "partnerships": [("VCS organisations delivering foodbanks", "vcs", True, R)],
        "practice": [
            ("outcomes", "Vocational skills for economic integration.", I),
            ("co_design", "Services co-located where residents feel comfortable.", I),
        ],
        "evaluations": [],
        "kpis": [("Volunteers in vocational training", "count", 0, 30, "quarterly", I)],
    },
    {
        "borough": "Waltham Forest",
        "activity": 1,
        "title": "Advocacy and community organising pathway",
        "stage": "in_delivery",
        "challenges": ["lives-on-hold", "isolation"],
        "domains": ["Rights and responsibilities", "Links"],
        "partnerships": [],
        "practice": [],
        "evaluations": [],
        "kpis": [("People trained in advocacy", "count", 0, 20, "quarterly", I)],
    },
]

# Outcome 1: boroughs exchanged terms of reference, welcome packs, Home Office contacts,
# Safeguarding Assurance Tools and data sources (report §5 and Table 2). The kinds are
# reported; who shared what with whom is illustrative, except the two packs' owners.
RESOURCES = [
    ("Barking and Dagenham", "Induction ‘helping pack’", "welcome_pack", R, ["Brent", "Newham"]),
    ("Brent", "Welcome Pack", "welcome_pack", R, ["Hillingdon"]),
    ("Tower Hamlets", "Steering group terms of reference", "terms_of_reference", I,
     ["Barnet", "Hillingdon"]),
    ("Hounslow", "Safeguarding Assurance Tool", "safeguarding", I,
     ["Hammersmith and Fulham", "Newham"]),
    ("Hillingdon", "Home Office contacts", "contacts", I, ["Lambeth", "Waltham Forest"]),
    ("Kensington and Chelsea", "School admissions data sources", "data_source", I, ["Lambeth"]),
]  # fmt: skip
