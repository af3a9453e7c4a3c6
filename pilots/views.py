"""Officers' admin views: spreadsheet returns, readings, shared resources, email choices.

Every view reaches boroughs through `pilots.scoping`: another borough's object answers
404, so its existence is not revealed; convenors act for any borough.
"""

import io

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST, require_safe
from wagtail.log_actions import log

from cms.queue import enqueue_on_commit
from cms.uploads import UploadRefused
from designlab.models import Borough
from pilots.forms import EmailPreferencesForm, ReadingForm, ReturnUploadForm, ReuseForm
from pilots.models import KPI, KPIReading, ResourceReuse, ReturnUpload, SharedResource
from pilots.periods import kpi_periods, period_label, period_problem
from pilots.readings import progress_to_target, reading_earlier_values, reading_save
from pilots.returns import return_template_write
from pilots.returns_import import return_upload_create
from pilots.scoping import (
    boroughs_for_user,
    is_convenor,
    user_borough,
    user_may_access,
    user_may_read_resource,
)
from pilots.tasks import import_kpi_return

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
READING_SAVED = {
    "created": "reading saved.",
    "updated": "reading corrected. The previous value is kept in the reading's history.",
    "unchanged": "nothing changed: this reading was already recorded.",
}


def _borough(request, slug: str) -> Borough:
    borough = get_object_or_404(Borough, slug=slug)
    if not user_may_access(request.user, borough):
        raise Http404
    return borough


def _posted(request):
    """A form's data: bound on every POST, even an empty one (all boxes unticked)."""
    return request.POST if request.method == "POST" else None


def _page(request, template: str, title: str, **context) -> TemplateResponse:
    return TemplateResponse(
        request,
        template,
        {"page_title": title, "header_title": title, "header_icon": "table", **context},
    )


@require_safe
def returns_index(request):
    """An officer goes straight to their borough; a convenor chooses one."""
    own = user_borough(request.user)
    if own is not None:
        return redirect("pilots_returns_borough", own.slug)
    boroughs = boroughs_for_user(request.user)
    if not boroughs.exists():
        raise PermissionDenied
    return _page(request, "pilots/returns_index.html", "KPI returns", boroughs=boroughs)


def returns_borough(request, borough: str):
    """Download the template, upload a return, see recent uploads."""
    borough = _borough(request, borough)
    form = ReturnUploadForm(_posted(request), request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                upload = return_upload_create(
                    borough=borough, file=form.cleaned_data["file"], user=request.user
                )
                enqueue_on_commit(import_kpi_return, upload.pk)
        except UploadRefused as refusal:
            form.add_error("file", refusal.messages[0] + " Nothing was changed.")
        else:
            return redirect("pilots_return_status", upload.pk)
    uploads = ReturnUpload.objects.filter(borough=borough).select_related("uploaded_by")[:20]
    return _page(
        request, "pilots/returns_borough.html", f"KPI returns: {borough.name}",
        borough=borough, form=form, uploads=uploads,
    )  # fmt: skip


@require_safe
def return_template(request, borough: str):
    borough = _borough(request, borough)
    buffer = io.BytesIO()
    today = timezone.localdate()
    return_template_write(borough, buffer, today=today)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    name = f"kpi-return-{borough.slug}-{today:%Y-%m-%d}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_safe
def return_status(request, pk: int):
    upload = get_object_or_404(ReturnUpload.objects.select_related("borough"), pk=pk)
    if not user_may_access(request.user, upload.borough_id):
        raise Http404
    earlier = (
        ReturnUpload.objects.filter(
            borough=upload.borough, sha256=upload.sha256, status=ReturnUpload.Status.DONE,
            uploaded_at__lt=upload.uploaded_at,
        ).order_by("uploaded_at").first()
    )  # fmt: skip
    return _page(
        request, "pilots/return_status.html", f"Return: {upload.original_name}",
        upload=upload, earlier=earlier,
        waiting=upload.status in (ReturnUpload.Status.QUEUED, ReturnUpload.Status.RUNNING),
    )  # fmt: skip


def readings(request, kpi: int):
    """Enter or correct one KPI's readings, with progress to target."""
    kpi = get_object_or_404(KPI.objects.select_related("pilot", "pilot__borough"), pk=kpi)
    pilot = kpi.pilot
    if not user_may_access(request.user, pilot.borough_id):
        raise Http404
    today = timezone.localdate()
    periods = [
        p for p in kpi_periods(kpi, pilot, today) if not period_problem(kpi, pilot, p, today)
    ]
    recorded = {r.period_start: r for r in KPIReading.objects.filter(kpi=kpi)}
    choices = [(p, period_label(p, kpi.frequency)) for p in periods]
    chosen = request.GET.get("period")
    initial = {"period_start": chosen}
    if chosen and (
        existing := next((r for p, r in recorded.items() if p.isoformat() == chosen), None)
    ):
        initial.update(value=existing.value, note=existing.note)
    form = ReadingForm(_posted(request), kpi=kpi, periods=choices, initial=initial)
    if request.method == "POST":
        if not request.user.has_perm("pilots.change_kpireading"):
            raise PermissionDenied
        if form.is_valid():
            data = form.cleaned_data
            outcome = reading_save(
                kpi=kpi, period_start=data["period_start"], value=data["value"],
                note=data["note"], user=request.user,
            )  # fmt: skip
            label = period_label(data["period_start"], kpi.frequency)
            messages.success(request, f"{kpi.name}, {label}: {READING_SAVED[outcome]}")
            return redirect("pilots_readings", kpi.pk)
    latest = max(recorded.values(), key=lambda r: r.period_start, default=None)
    earlier = reading_earlier_values(recorded.values())
    rows = [
        {"start": p, "label": label, "reading": recorded.get(p),
         "earlier": earlier.get(recorded[p].pk, []) if p in recorded else []}
        for p, label in choices
    ]  # fmt: skip
    return _page(
        request, "pilots/readings.html", f"Readings: {kpi.name}",
        kpi=kpi, pilot=pilot, form=form, rows=rows, latest=latest,
        progress=progress_to_target(kpi, latest.value if latest else None),
    )  # fmt: skip


def resource_reuse(request, pk: int):
    """Another borough records that it reused a shared resource: a peer exchange."""
    resource = get_object_or_404(SharedResource.objects.select_related("borough"), pk=pk)
    if not user_may_read_resource(request.user, resource):
        raise Http404
    borough = user_borough(request.user)
    if borough is None or borough.pk == resource.borough_id:
        raise PermissionDenied  # only another borough's officer reuses a resource
    already = ResourceReuse.objects.filter(resource=resource, borough=borough).first()
    form = ReuseForm(_posted(request))
    if request.method == "POST" and already is None and form.is_valid():
        try:
            with transaction.atomic():
                ResourceReuse.objects.create(
                    resource=resource, borough=borough, note=form.cleaned_data["note"]
                )
                log(resource, "pilots.resource_reused", user=request.user,
                    data={"borough": borough.name})  # fmt: skip
        except IntegrityError:
            pass  # a colleague recorded it a moment ago
        messages.success(request, f"Recorded: {borough.name} reused “{resource}”.")
        return redirect("pilots_resource_reuse", resource.pk)
    return _page(
        request, "pilots/resource_reuse.html", f"We reused this: {resource}",
        resource=resource, form=form, already=already,
    )  # fmt: skip


@require_POST
def resource_approve(request, pk: int):
    """A convenor makes a resource offered to the public visible on the public site."""
    if not is_convenor(request.user):
        raise PermissionDenied
    resource = get_object_or_404(SharedResource, pk=pk)
    if resource.visibility != SharedResource.Visibility.PUBLIC:
        messages.error(request, f"“{resource}” is for Lab participants only; nothing to approve.")
    elif resource.document and resource.document.collection.get_view_restrictions().exists():
        messages.error(
            request,
            f"“{resource}” uses a document in the restricted collection "
            f"“{resource.document.collection}”, which the public cannot open. Move the "
            "document to a public collection first.",
        )
    elif resource.approved_at is None:
        resource.approved_at = timezone.now()
        resource.save(update_fields=["approved_at"])
        log(resource, "pilots.resource_approved", user=request.user)
        messages.success(request, f"“{resource}” is approved for the public toolkit.")
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}):
        target = reverse("wagtailadmin_home")
    return redirect(target)


def email_preferences(request):
    officer = getattr(request.user, "officer", None)
    if officer is None:
        raise Http404  # only borough officers receive these emails
    form = EmailPreferencesForm(_posted(request), instance=officer)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your email choices are saved.")
        return redirect("pilots_email_preferences")
    return _page(request, "pilots/email_preferences.html", "Design Lab emails", form=form)
