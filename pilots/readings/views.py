"""The officer's pages for readings: a pilot's KPIs, and for one KPI its periods and the
form for entering or correcting one reading.

Another borough's KPI answers 404, so its existence is not revealed; convenors act for any
borough.
"""

import datetime as dt

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.views.decorators.http import require_safe

from pilots.access.scoping import is_convenor, user_may_access
from pilots.admin.pages import admin_page
from pilots.models import KPI, KPIReading, Pilot
from pilots.readings.forms import ReadingForm
from pilots.readings.history import reading_earlier_values, reading_status_history
from pilots.readings.parts import recorded_parts
from pilots.readings.periods import kpi_periods, period_label, period_problem
from pilots.readings.write import ReadingLocked, reading_save

OUT_OF_DATE = (
    "Someone else saved this reading after you opened the form, so your value was not saved. "
    "The table below shows the value now recorded: open the period again to correct it."
)
READING_SAVED = {
    "created": "reading saved.",
    "updated": "reading corrected. The previous value is kept in the reading's history.",
    "submitted": "reading submitted for review.",
    "drafted": "reading kept as a draft: it is no longer waiting for review.",
    "unchanged": "nothing changed: this reading was already recorded.",
}
WHERE_IT_STANDS = {
    KPIReading.Status.DRAFT: " It is a draft: submit it for review when it is ready.",
    KPIReading.Status.SUBMITTED: " It waits for a convenor's review and counts in public "
    "once approved.",
}


@require_safe
def pilot_readings(request: HttpRequest, pilot: int) -> HttpResponse:
    """A pilot's KPIs, each with its latest reading and a link to enter one."""
    pilot = get_object_or_404(Pilot.objects.select_related("borough"), pk=pilot)
    if not user_may_access(request.user, pilot.borough_id):
        raise Http404
    kpis = KPI.objects.filter(pilot=pilot).with_latest_reading().order_by("sort_order", "pk")
    return admin_page(
        request, "pilots/readings/pilot.html", f"Readings: {pilot.title}", pilot=pilot, kpis=kpis
    )


def readings(request: HttpRequest, kpi: int) -> HttpResponse:
    """Enter or correct one KPI's readings, with progress to target."""
    kpi = get_object_or_404(
        KPI.objects.select_related("pilot", "pilot__borough", "split_by"), pk=kpi
    )
    pilot = kpi.pilot
    if not user_may_access(request.user, pilot.borough_id):
        raise Http404
    today = timezone.localdate()
    periods = [
        p for p in kpi_periods(kpi, pilot, today) if not period_problem(kpi, pilot, p, today)
    ]
    recorded = {r.period_start: r for r in KPIReading.objects.filter(kpi=kpi)}
    choices = [(p, period_label(p, kpi.frequency)) for p in periods]
    categories = list(kpi.split_by.categories.all()) if kpi.split_by else []
    parts = recorded_parts(list(recorded.values())) if categories else {}
    chosen = request.GET.get("period")
    initial = {"period_start": chosen}
    if chosen and (
        existing := next((r for p, r in recorded.items() if p.isoformat() == chosen), None)
    ):
        initial.update(
            value=existing.value, note=existing.note, what_happened=existing.what_happened,
            next_step=existing.next_step, numerator=existing.numerator,
            denominator=existing.denominator, confirm=bool(existing.quality_warning),
            confirm_reason=existing.quality_reason, parts_reason=existing.parts_reason,
        )  # fmt: skip
        initial.update({f"part_{c}": v for c, v in parts.get(existing.pk, {}).items()})
    if chosen and chosen in {p.isoformat() for p in periods}:
        period = dt.date.fromisoformat(chosen)
        initial["seen"] = ReadingForm.seen_of(period, recorded.get(period))
    posted = request.POST if request.method == "POST" else None
    form = ReadingForm(posted, kpi=kpi, periods=choices, categories=categories, initial=initial)
    if posted is not None:
        if not request.user.has_perm("pilots.change_kpireading"):
            raise PermissionDenied
        if form.is_valid():
            data = form.cleaned_data
            submit = request.POST.get("action") != "draft"
            with transaction.atomic():
                # The KPI's row is the lock: two saves of its readings, the first save of
                # a period included, take turns, and the second sees the first's.
                KPI.objects.select_for_update().filter(pk=kpi.pk).first()
                current = KPIReading.objects.filter(
                    kpi=kpi, period_start=data["period_start"]
                ).first()
                if not form.seen_is_current(current):
                    form.add_error(None, OUT_OF_DATE)
                else:
                    try:
                        outcome = reading_save(
                            kpi=kpi, period_start=data["period_start"], value=data["value"],
                            note=data["note"], user=request.user, details=data["details"],
                            submit=submit,
                        )  # fmt: skip
                    except ReadingLocked as locked:
                        form.add_error(None, locked.messages[0])
            if form.is_valid():
                label = period_label(data["period_start"], kpi.frequency)
                status = KPIReading.Status.SUBMITTED if submit else KPIReading.Status.DRAFT
                said = READING_SAVED[outcome]
                if outcome in ("created", "updated"):
                    said += WHERE_IT_STANDS[status]
                messages.success(request, f"{kpi.name}, {label}: {said}")
                return redirect("pilots_readings", kpi.pk)
            recorded = {r.period_start: r for r in KPIReading.objects.filter(kpi=kpi)}
            parts = recorded_parts(list(recorded.values())) if categories else {}
    latest = max(recorded.values(), key=lambda r: r.period_start, default=None)
    earlier = reading_earlier_values(recorded.values())
    statuses = reading_status_history(recorded.values())
    targets = dict(kpi.targets.values_list("period_start", "target"))
    rows = [
        {"start": p, "label": label, "reading": recorded.get(p), "target": targets.get(p),
         "status": kpi.status_against_target(
             recorded[p].value if p in recorded else None, period_target=targets.get(p)),
         "earlier": earlier.get(recorded[p].pk, []) if p in recorded else [],
         "history": statuses.get(recorded[p].pk, []) if p in recorded else [],
         "parts": [(c.name, parts[recorded[p].pk][c.pk]) for c in categories
                   if p in recorded and c.pk in parts.get(recorded[p].pk, {})]}
        for p, label in choices
    ]  # fmt: skip
    return admin_page(
        request, "pilots/readings/index.html", f"Readings: {kpi.name}",
        kpi=kpi, pilot=pilot, form=form, rows=rows, latest=latest,
        returned=[r for r in rows if r["reading"] and r["reading"].status == "returned"],
        is_convenor=is_convenor(request.user),
        progress=kpi.progress_to_target(
            latest.value if latest else None,
            period_target=targets.get(latest.period_start) if latest else None,
        ),
    )  # fmt: skip
