"""The convenors' page "Check-ins to review": submitted follow-up check-ins, from which
several are approved, or returned with one comment; and reopening an approved check-in.
Officers are refused."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views.decorators.http import require_POST
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView

from pilots.access.refusals import convenors_only
from pilots.followups.review import (
    ReviewRefused,
    follow_up_label,
    follow_up_reopen,
    follow_ups_approve,
    follow_ups_return,
)
from pilots.models import FollowUp


class SelectColumn(Column):
    cell_template_name = "pilots/followups/select_cell.html"


class AnswerColumn(Column):
    def get_value(self, instance: FollowUp) -> str:
        return getattr(instance, f"get_{self.name}_display")()


@method_decorator(convenors_only, name="dispatch")
class FollowUpsToReviewView(IndexView):
    """Submitted check-ins, earliest due first; the query count does not grow with them."""

    model = FollowUp
    page_title = "Check-ins to review"
    header_icon = "history"
    index_url_name = "pilots_follow_ups_review"
    index_results_url_name = "pilots_follow_ups_review_results"
    results_template_name = "pilots/followups/review_results.html"
    permission_policy = None
    paginate_by = 50
    columns = [
        SelectColumn("select", label="Select"),
        Column("borough", label="Borough", accessor="pilot.borough.name"),
        Column("pilot", label="Pilot", accessor="pilot.title"),
        Column("months_after", label="Months after the Lab"),
        AnswerColumn("still_running", label="Still running"),
        Column("funded_by", label="Funded by"),
        AnswerColumn("mainstream", label="Mainstream"),
        AnswerColumn("spread", label="Spread"),
        Column("update", label="Update"),
    ]

    def get_base_queryset(self):
        return (
            FollowUp.objects.to_review()
            .select_related("pilot__borough")
            .order_by("due_on", "pilot__borough__name", "pilot__title", "pk")
        )

    def get_breadcrumbs_items(self) -> list[dict]:
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]


@require_POST
@convenors_only
def follow_ups_review_act(request: HttpRequest) -> HttpResponse:
    """Approve, or return with one comment, the check-ins selected on the listing."""
    back = reverse("pilots_follow_ups_review")
    ids = [int(v) for v in request.POST.getlist("follow_up") if v.isdigit()]
    chosen = FollowUp.objects.filter(pk__in=ids)
    if not chosen.exists():
        messages.error(request, "Select at least one check-in first.")
        return redirect(back)
    try:
        if request.POST.get("action") == "return":
            n = follow_ups_return(chosen, comment=request.POST.get("comment", ""),
                                  user=request.user)  # fmt: skip
            messages.success(request, f"{_check_ins(n)} returned to their officers with your "
                             "comment.")  # fmt: skip
        else:
            n = follow_ups_approve(chosen, user=request.user)
            messages.success(request, f"{_check_ins(n)} approved: they now count in public.")
    except ReviewRefused as refusal:
        messages.error(request, str(refusal))
    return redirect(back)


@require_POST
@convenors_only
def follow_up_reopen_view(request: HttpRequest, pk: int) -> HttpResponse:
    follow_up = get_object_or_404(FollowUp.objects.select_related("pilot"), pk=pk)
    label = follow_up_label(follow_up)
    try:
        follow_up_reopen(follow_up, reason=request.POST.get("reason", ""), user=request.user)
    except ReviewRefused as refusal:
        messages.error(request, f"{label}: {refusal}")
    else:
        messages.success(request, f"{label}: reopened. It is back with the officer to correct.")
    return redirect("pilots_follow_up", follow_up.pilot_id, follow_up.months_after)


def _check_ins(n: int) -> str:
    return "1 check-in" if n == 1 else f"{n} check-ins"
