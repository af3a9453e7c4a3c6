from toolkit.models.case_studies import CaseStudyIndexPage, CaseStudyPage
from toolkit.models.content import ContentPage
from toolkit.models.labs_compared import LabsComparedPage
from toolkit.models.library import ResourceLibraryPage
from toolkit.models.reports import LabReportPage, OpenDataPage
from toolkit.models.themes import ResourceTheme, ThemePage, ToolkitIndexPage
from toolkit.models.workshops import SessionMaterials, WorkshopMaterialsPage

__all__ = [
    "CaseStudyIndexPage",
    "CaseStudyPage",
    "ContentPage",
    "LabReportPage",
    "LabsComparedPage",
    "OpenDataPage",
    "ResourceLibraryPage",
    "ResourceTheme",
    "SessionMaterials",
    "ThemePage",
    "ToolkitIndexPage",
    "WorkshopMaterialsPage",
]
