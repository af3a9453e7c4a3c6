from django.urls import path

from pilots.exports import views
from pilots.exports.table_1 import Table1ReportView

urlpatterns = [
    path("lab-exports/", views.ExportsView.as_view(), name="lab_exports"),
    path("lab-exports/<int:pk>/download/", views.export_download, name="lab_export_download"),
    path("lab-exports/<slug:slug>/<slug:table>.csv", views.table_csv, name="lab_export_csv"),
    path("reports/lab-table-1/", Table1ReportView.as_view(), name="lab_table_1"),
    path(
        "reports/lab-table-1/results/",
        Table1ReportView.as_view(results_only=True),
        name="lab_table_1_results",
    ),
]
