"""A reading's value per category, for a KPI split by a breakdown (`KPI.split_by`)."""

from django.db import models

from pilots.models.kpis import KPIReading


class ReadingPartQuerySet(models.QuerySet):
    def published(self) -> "ReadingPartQuerySet":
        """Parts of published readings (`KPIReading.objects.published()`) in the categories
        of their KPI's current breakdown: a category of a list the KPI no longer uses is
        not shown."""
        return self.filter(
            reading__in=KPIReading.objects.published(),
            category__breakdown=models.F("reading__kpi__split_by"),
        )


class ReadingPart(models.Model):
    """The part of a reading in one category ("18 to 24": 14). Written only with its
    reading (`pilots.readings.write.readings_write`), and locked with it once approved."""

    reading = models.ForeignKey(KPIReading, on_delete=models.CASCADE, related_name="parts")
    category = models.ForeignKey(
        "designlab.Category", on_delete=models.PROTECT, related_name="reading_parts"
    )
    value = models.DecimalField(max_digits=14, decimal_places=2)

    objects = ReadingPartQuerySet.as_manager()

    class Meta:
        ordering = ["reading", "category__sort_order", "category"]
        constraints = [
            models.UniqueConstraint(fields=["reading", "category"], name="one_part_per_category")
        ]

    def __str__(self) -> str:
        return f"{self.category}: {self.value}"
