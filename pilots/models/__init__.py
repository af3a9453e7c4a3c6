"""The tracker's models, one module per subject; every model is importable from here."""

from pilots.models.evaluations import Evaluation
from pilots.models.figures import PilotFigures
from pilots.models.follow_ups import FollowUp
from pilots.models.kpis import KPI, KPIReading, Status
from pilots.models.milestones import Milestone
from pilots.models.notifications import NotificationSent
from pilots.models.partnerships import Partnership, PracticeChange
from pilots.models.parts import ReadingPart
from pilots.models.pilots import Approval, Pilot, Stage
from pilots.models.resources import ResourceReuse, SharedResource
from pilots.models.returns import ReturnUpload, return_upload_path
from pilots.models.targets import KPITarget

__all__ = [
    "KPI",
    "Approval",
    "Evaluation",
    "FollowUp",
    "KPIReading",
    "KPITarget",
    "Milestone",
    "NotificationSent",
    "Partnership",
    "Pilot",
    "PilotFigures",
    "PracticeChange",
    "ReadingPart",
    "ResourceReuse",
    "ReturnUpload",
    "SharedResource",
    "Stage",
    "Status",
    "return_upload_path",
]
