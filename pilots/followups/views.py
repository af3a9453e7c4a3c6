"""The officer's page for one follow-up check-in of one pilot: the short return, or, once
approved, the answers as approved.

Another borough's pilot answers 404, so its existence is not revealed; a check-in the
pilot's Lab does not ask for, or not yet due, answers 404 too. Convenors act for any
borough."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone

from pilots.access.scoping import is_convenor, user_may_access
from pilots.admin.pages import admin_page
from pilots.followups.due import follow_up_owed
from pilots.followups.forms import FollowUpForm
from pilots.followups.review import FollowUpLocked, follow_up_save
from pilots.models import FollowUp, Pilot

SAVED = {
    FollowUp.Status.SUBMITTED: "submitted for review. It counts on the public site once a "
    "convenor approves it.",
    FollowUp.Status.DRAFT: "kept as a draft: submit it for review when it is ready.",
    FollowUp.Status.RETURNED: "saved. It is still returned: submit it again when corrected.",
}


def follow_up(request: HttpRequest, pilot: int, months: int) -> HttpResponse:
    pilot = get_object_or_404(Pilot.objects.select_related("lab", "borough"), pk=pilot)
    if not user_may_access(request.user, pilot.borough_id):
        raise Http404
    today = timezone.localdate()
    existing = FollowUp.objects.filter(pilot=pilot, months_after=months).first()
    if existing is None and not follow_up_owed(pilot, months, today):
        raise Http404("This pilot's Lab asks for no such check-in, or it is not yet due.")
    posted = request.POST if request.method == "POST" else None
    form = FollowUpForm(posted, instance=existing)
    if posted is not None:
        if not request.user.has_perm("pilots.change_followup"):
            raise PermissionDenied
        if form.is_valid():
            submit = request.POST.get("action") != "draft"
            try:
                saved = follow_up_save(
                    pilot=pilot, months_after=months, answers=form.cleaned_data,
                    submit=submit, user=request.user, today=today,
                )  # fmt: skip
            except FollowUpLocked as locked:
                form.add_error(None, str(locked))
            else:
                said = f"{pilot.title}, {months}-month check-in: {SAVED[saved.status]}"
                messages.success(request, said)
                return redirect("pilots_follow_up", pilot.pk, months)
    return admin_page(
        request, "pilots/followups/form.html",
        f"{months}-month check-in: {pilot.title}", icon="history",
        pilot=pilot, months=months, form=form, follow_up=existing,
        due_on=existing.due_on if existing else pilot.lab.follow_up_due_on(months),
        is_convenor=is_convenor(request.user),
    )  # fmt: skip
