"""A KPI's trajectory: its own target for a period, where the plan sets one."""

from django.db import models
from django.db.models import OuterRef, Subquery
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel


class KPITarget(models.Model):
    """The target for one period of one KPI. It belongs to the pilot, like the KPI, so a
    change goes through the pilot's approval with the rest of its plan."""

    pilot = ParentalKey("pilots.Pilot", on_delete=models.CASCADE, related_name="kpi_targets")
    kpi = models.ForeignKey(
        "pilots.KPI", on_delete=models.CASCADE, related_name="targets", verbose_name="KPI"
    )
    period_start = models.DateField(help_text="The first day of the period, e.g. 2023-07-01.")
    target = models.DecimalField(max_digits=14, decimal_places=2)

    panels = [FieldPanel("kpi"), FieldPanel("period_start"), FieldPanel("target")]

    class Meta:
        ordering = ["kpi", "period_start"]
        verbose_name = "target for a period"
        constraints = [
            models.UniqueConstraint(fields=["kpi", "period_start"], name="one_target_per_period")
        ]

    def __str__(self) -> str:
        return f"{self.kpi}: {self.target} ({self.period_start:%b %Y})"

    @classmethod
    def for_period(cls, period: str) -> Subquery:
        """The target of a queryset of KPIs for the period `period` (a field or
        annotation), NULL where the trajectory sets none."""
        own = cls.objects.filter(kpi=OuterRef("pk"), period_start=OuterRef(period))
        return Subquery(own.values("target")[:1])
