"""Officers' KPI returns: download the template, upload a return, follow its import.

Every view reaches boroughs through `pilots.access.scoping`: another borough's return
answers 404, so its existence is not revealed; convenors act for any borough.
"""

import io

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.views.decorators.http import require_safe

from cms.uploads import UploadRefused
from designlab.models import Borough
from pilots import tasks
from pilots.access.scoping import boroughs_for_user, user_borough, user_may_access
from pilots.admin.pages import admin_page
from pilots.models import KPI, ReturnUpload
from pilots.returns.forms import ReturnUploadForm
from pilots.returns.imports import return_upload_create
from pilots.returns.template import return_template_write

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _borough(request: HttpRequest, slug: str) -> Borough:
    borough = get_object_or_404(Borough, slug=slug)
    if not user_may_access(request.user, borough):
        raise Http404
    return borough


@require_safe
def returns_index(request: HttpRequest) -> HttpResponse:
    """An officer goes straight to their borough; a convenor chooses one."""
    own = user_borough(request.user)
    if own is not None:
        return redirect("pilots_returns_borough", own.slug)
    boroughs = boroughs_for_user(request.user)
    if not boroughs.exists():
        raise PermissionDenied
    return admin_page(request, "pilots/returns/index.html", "KPI returns", boroughs=boroughs)


def returns_borough(request: HttpRequest, borough: str) -> HttpResponse:
    """Download the template, upload a return, see recent uploads."""
    borough = _borough(request, borough)
    posted = request.POST if request.method == "POST" else None
    form = ReturnUploadForm(posted, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                upload = return_upload_create(
                    borough=borough, file=form.cleaned_data["file"], user=request.user
                )
                tasks.return_import_queue(upload.pk)
        except UploadRefused as refusal:
            form.add_error("file", refusal.messages[0] + " Nothing was changed.")
        else:
            return redirect("pilots_return_status", upload.pk)
    uploads = ReturnUpload.objects.filter(borough=borough).select_related("uploaded_by")[:20]
    return admin_page(
        request, "pilots/returns/borough.html", f"KPI returns: {borough.name}",
        borough=borough, form=form, uploads=uploads,
    )  # fmt: skip


@require_safe
def return_template(request: HttpRequest, borough: str) -> HttpResponse:
    borough = _borough(request, borough)
    buffer = io.BytesIO()
    today = timezone.localdate()
    return_template_write(borough, buffer, today=today)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    name = f"kpi-return-{borough.slug}-{today:%Y-%m-%d}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_safe
def return_status(request: HttpRequest, pk: int) -> HttpResponse:
    upload = get_object_or_404(ReturnUpload.objects.select_related("borough"), pk=pk)
    if not user_may_access(request.user, upload.borough_id):
        raise Http404
    earlier = (
        ReturnUpload.objects.filter(
            borough=upload.borough, sha256=upload.sha256, status=ReturnUpload.Status.DONE,
            uploaded_at__lt=upload.uploaded_at,
        ).order_by("uploaded_at").first()
    )  # fmt: skip
    kpis = KPI.objects.select_related("pilot").in_bulk([c["kpi"] for c in upload.readings_changed])
    changed = [
        {**c, "kpi": kpis[c["kpi"]]} for c in upload.readings_changed if c["kpi"] in kpis
    ]  # a KPI deleted since is left out
    return admin_page(
        request, "pilots/returns/status.html", f"KPI return: {upload.original_name}",
        upload=upload, earlier=earlier, changed=changed,
        waiting=upload.status in (ReturnUpload.Status.QUEUED, ReturnUpload.Status.RUNNING),
    )  # fmt: skip
