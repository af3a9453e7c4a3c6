"""The inspect pages of pilots and shared resources: plain labels, a pilot's KPIs with a
link to enter a reading for each, and a resource's standing on the public toolkit with the
convenor's "Approve for the public"."""

from django.db.models import Field
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from wagtail.admin.widgets import HeaderButton

from pilots.access.scoping import is_convenor
from pilots.admin.errors import PLAIN_LABELS
from pilots.admin.scoped import ScopedInspectView
from pilots.models import KPI, SharedResource

LABELS = {**PLAIN_LABELS, "kpis": "KPIs and readings", "public": "Public toolkit"}


class PlainInspectView(ScopedInspectView):
    def get_field_label(self, field_name: str, field: Field | None) -> str:
        return LABELS.get(field_name) or super().get_field_label(field_name, field)


class PilotInspectView(PlainInspectView):
    def get_kpis_display_value(self) -> SafeString:
        kpis = KPI.objects.filter(pilot=self.object).with_latest_reading()
        rows = [
            (
                kpi.name,
                KPI.figure_shown(kpi.baseline),
                KPI.figure_shown(kpi.target),
                KPI.figure_shown(kpi.latest_value),
                reverse("pilots_readings", args=[kpi.pk]),
                kpi.name,
            )
            for kpi in kpis.order_by("sort_order", "pk")
        ]
        if not rows:
            return SafeString("No KPIs yet.")
        items = format_html_join(
            "",
            '<li>{}: baseline {}, target {}, latest {} · <a href="{}#reading-form">'
            'Enter a reading<span class="w-sr-only"> for {}</span></a></li>',
            rows,
        )
        return format_html("<ul>{}</ul>", items)


class ResourceInspectView(PlainInspectView):
    def get_public_display_value(self) -> str:
        resource = self.object
        if resource.visibility != SharedResource.Visibility.PUBLIC:
            return "Shared with Lab participants only"
        if resource.is_public:
            return f"Approved for the public on {resource.approved_at:%d %B %Y}"
        return "Offered to the public: awaiting the GLA's approval"

    @property
    def header_buttons(self) -> list[HeaderButton]:
        awaiting = SharedResource.objects.awaiting_review().filter(pk=self.object.pk)
        if not (is_convenor(self.request.user) and awaiting.exists()):
            return []
        url = reverse("pilots_resource_approve", args=[self.object.pk])
        return [HeaderButton("Approve for the public", url=url, icon_name="tick")]
