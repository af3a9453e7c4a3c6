"""The Lab itself, one module per subject; every model is importable from here."""

from designlab.models.boroughs import Borough, Officer
from designlab.models.categories import Breakdown, Category
from designlab.models.criteria import Measure, Outcome, OutcomeMeasure, OutcomeSnapshot, Rating
from designlab.models.exports import Export, ExportStorage, export_storage
from designlab.models.indicators import SharedIndicator
from designlab.models.labs import Lab, Participation
from designlab.models.provenance import Provenance
from designlab.models.sessions import Attendance, Session
from designlab.models.taxonomies import Challenge, IntegrationDomain

__all__ = [
    "Attendance",
    "Borough",
    "Breakdown",
    "Category",
    "Challenge",
    "Export",
    "ExportStorage",
    "IntegrationDomain",
    "Lab",
    "Measure",
    "Officer",
    "Outcome",
    "OutcomeMeasure",
    "OutcomeSnapshot",
    "Participation",
    "Provenance",
    "Rating",
    "Session",
    "SharedIndicator",
    "export_storage",
]
