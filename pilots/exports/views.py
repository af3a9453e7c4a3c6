"""Admin views for exporting a Lab: request a workbook (written by a Celery task),
download it, or stream one table as CSV. Convenors export every borough; an officer
exports only their own borough's rows."""

from django.contrib import messages
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    StreamingHttpResponse,
)
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView
from wagtail.log_actions import log

from cms.cells import CSV_CONTENT_TYPE
from designlab.models import Export
from pilots import tasks
from pilots.access.scoping import is_convenor, labs_for_user
from pilots.admin.pages import AdminPageMixin, admin_page
from pilots.exports.csv_lines import table_csv_lines
from pilots.exports.runs import export_scope
from pilots.exports.tables import TABLES


class ExportsView(AdminPageMixin, TemplateView):
    template_name = "pilots/exports/index.html"
    page_title = "Exports"
    header_icon = "download"

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        self.borough = export_scope(request.user)  # refuses everyone but participants
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs) -> dict:
        exports = list(
            Export.objects.filter(requested_by=self.request.user).select_related("lab", "borough")[
                :20
            ]
        )
        return super().get_context_data(
            labs=labs_for_user(self.request.user).order_by("-starts_on"),
            exports=exports,
            running=any(e.status in (Export.Status.QUEUED, Export.Status.RUNNING) for e in exports),
            tables=[(key, name) for key, (name, _, _) in TABLES.items()],
            borough=self.borough,
            **kwargs,
        )

    def post(self, request: HttpRequest) -> HttpResponse:
        lab = get_object_or_404(labs_for_user(request.user), pk=request.POST.get("lab") or 0)
        export = Export.objects.create(lab=lab, requested_by=request.user, borough=self.borough)
        log(export, "pilots.lab_export_requested", user=request.user)
        tasks.lab_export_queue(export.pk)
        messages.success(request, f"The export of {lab} is being prepared.")
        return redirect(reverse("lab_exports"))


@require_GET
def export_download(request: HttpRequest, pk: int) -> HttpResponse:
    """Only the person who asked for an export may download it (or a convenor)."""
    export = get_object_or_404(Export, pk=pk)
    if export.requested_by_id != request.user.pk and not is_convenor(request.user):
        raise Http404
    if export.status != Export.Status.READY:
        raise Http404("This export is not ready.")
    try:
        file = export.file.open("rb")
    except (FileNotFoundError, ValueError):
        # Exports are not in the backup (README): after a restore the record says
        # "ready" but the file is gone. Say so and offer to prepare it again.
        response = admin_page(
            request, "pilots/exports/expired.html", "This export has expired", "download",
            export=export,
        )  # fmt: skip
        response.status_code = 410
        return response
    return FileResponse(file, as_attachment=True, filename=f"{export.lab.slug}.xlsx")


@require_GET
def table_csv(request: HttpRequest, slug: str, table: str) -> HttpResponse:
    """One table as CSV, streamed so a large table keeps memory flat."""
    borough = export_scope(request.user)
    lab = get_object_or_404(labs_for_user(request.user), slug=slug)
    if table not in TABLES:
        raise Http404("No such table.")
    lines = table_csv_lines(lab, table, borough=borough)
    response = StreamingHttpResponse(lines, content_type=CSV_CONTENT_TYPE)
    suffix = f"-{borough.slug}" if borough else ""
    response["Content-Disposition"] = f'attachment; filename="{lab.slug}-{table}{suffix}.csv"'
    return response
