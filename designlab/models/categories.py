"""Lists of categories a KPI's figures may be split by (disaggregation): "Age band",
"Gender", "First language", "Months in the UK". Categories of people, never a person.
Convenors keep the lists (`pilots.admin.categories`); officers choose one for a KPI."""

from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable
from wagtail.search import index

from designlab.models.provenance import Provenance


class Breakdown(index.Indexed, Provenance, ClusterableModel):
    """A convenor-managed list of categories, in the order pages and templates show them."""

    name = models.CharField(max_length=100, unique=True, help_text="For example “Age band”.")
    description = models.TextField(
        blank=True, help_text="What the categories divide, and how an officer tells them apart."
    )

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Category(Orderable):
    """One category of a breakdown, such as "18 to 24". A figure recorded against it
    protects it from deletion (see `pilots.models.ReadingPart`)."""

    breakdown = ParentalKey(Breakdown, on_delete=models.CASCADE, related_name="categories")
    name = models.CharField(max_length=100)

    panels = [FieldPanel("name")]

    class Meta(Orderable.Meta):
        verbose_name_plural = "categories"
        constraints = [
            models.UniqueConstraint(fields=["breakdown", "name"], name="one_category_name_per_list")
        ]

    def __str__(self) -> str:
        return self.name
