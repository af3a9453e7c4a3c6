"""The report's Table 1 (pilot initiatives by borough, with the key lesson), regenerated
from published pilots as a Wagtail report with .xlsx and CSV downloads. Convenors see every
borough; an officer sees their own borough's row."""

from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from designlab.models import Lab
from pilots.admin_access import forbidden
from pilots.outcomes import table_1
from pilots.scoping import is_convenor, user_borough


def _activities(row) -> str:
    return "\n\n".join(row.activities)


class Table1ReportView(ReportView):
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

    def dispatch(self, request, *args, **kwargs):
        if not (is_convenor(request.user) or user_borough(request.user)):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    def get_lab(self) -> Lab | None:
        labs = Lab.objects.order_by("-starts_on")
        wanted = self.request.GET.get("lab")
        return (labs.filter(slug=wanted).first() if wanted else None) or labs.first()

    def get_page_subtitle(self):
        lab = self.get_lab()
        return str(lab) if lab else ""

    def get_queryset(self):
        lab = self.get_lab()
        rows = table_1(lab) if lab else []
        if is_convenor(self.request.user):
            return rows
        own = user_borough(self.request.user)
        return [row for row in rows if row.borough == own.name]

    def to_row_dict(self, item):
        return {"borough": item.borough, "activities": _activities(item),
                "key_lesson": item.key_lesson}  # fmt: skip
