"""A Lab (a cohort of boroughs around one theme) and who takes part in it."""

from django.db import models
from wagtail.search import index

from designlab.models.boroughs import Borough
from designlab.models.provenance import Provenance


class Lab(index.Indexed, models.Model):
    """A cohort of boroughs convened around one theme. The 2023 Lab is the first of many."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, unique=True)
    convenor = models.CharField(max_length=200, help_text="The convening organisation.")
    delivery_partners = models.CharField(max_length=300, blank=True)
    starts_on = models.DateField()
    ends_on = models.DateField()
    description = models.TextField(blank=True)
    dates_provenance = models.CharField(
        max_length=16, choices=Provenance.CHOICES, default=Provenance.REPORTED
    )
    boroughs = models.ManyToManyField(Borough, through="Participation", related_name="labs")

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["-starts_on"]

    def __str__(self) -> str:
        return self.name


class Participation(models.Model):
    lab = models.ForeignKey(Lab, on_delete=models.CASCADE, related_name="participations")
    borough = models.ForeignKey(Borough, on_delete=models.PROTECT, related_name="participations")
    joined_on = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["lab", "borough"], name="one_participation_per_lab")
        ]

    def __str__(self) -> str:
        return f"{self.borough} in {self.lab}"
