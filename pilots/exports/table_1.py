"""The report's Table 1 (pilot initiatives by borough, with the key lesson), regenerated
from published pilots as a Wagtail report with .xlsx and CSV downloads. Convenors see every
borough; an officer sees their own borough's row."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from designlab.models import Lab
from pilots.access.scoping import is_convenor, labs_for_user, user_borough
from pilots.outcomes.table_1 import Table1Row, table_1


def _activities(row: Table1Row) -> str:
    return "\n\n".join(row.activities)


class Table1ReportView(ReportView):
    """Its downloads are buttons on the page (`pilots/exports/table_1.html`), not items of
    the header's "more" menu."""

    template_name = "pilots/exports/table_1.html"
    header_more_buttons = []
    page_title = "Table 1: pilot initiatives by borough"
    header_icon = "table"
    index_url_name = "lab_table_1"
    index_results_url_name = "lab_table_1_results"
    paginate_by = None
    export_filename = "table-1-pilot-initiatives"
    columns = [
        Column("borough", label="Local authority"),
        Column("activities", label="Pilot initiatives", accessor=_activities),
        Column("key_lesson", label="Key lesson"),
    ]
    list_export = ["borough", "activities", "key_lesson"]
    export_headings = {
        "borough": "Local authority",
        "activities": "Pilot initiatives",
        "key_lesson": "Key lesson",
    }

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not (is_convenor(request.user) or user_borough(request.user)):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_lab(self) -> Lab | None:
        labs = labs_for_user(self.request.user).order_by("-starts_on")
        wanted = self.request.GET.get("lab")
        return (labs.filter(slug=wanted).first() if wanted else None) or labs.first()

    def get_page_subtitle(self) -> str:
        lab = self.get_lab()
        return str(lab) if lab else ""

    def get_queryset(self) -> list[Table1Row]:
        lab = self.get_lab()
        rows = table_1(lab) if lab else []
        if is_convenor(self.request.user):
            return rows
        own = user_borough(self.request.user)
        return [row for row in rows if row.borough == own.name]

    def to_row_dict(self, item: Table1Row) -> dict:
        return {"borough": item.borough, "activities": _activities(item),
                "key_lesson": item.key_lesson}  # fmt: skip
