"""London's local authorities, and who works for which."""

from django.conf import settings
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from designlab.models.provenance import Provenance


class Borough(index.Indexed, models.Model):
    """One of London's 33 local authorities (32 boroughs and the City of London)."""

    class Sanctuary(models.TextChoices):
        NONE = "none", "Not a Borough of Sanctuary"
        SEEKING = "seeking", "Seeking accreditation"
        ACCREDITED = "accredited", "Borough of Sanctuary"

    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    gss_code = models.CharField("GSS code", max_length=9, unique=True)
    sanctuary_status = models.CharField(
        "Borough of Sanctuary", max_length=12, choices=Sanctuary.choices, default=Sanctuary.NONE
    )
    sanctuary_since = models.DateField(null=True, blank=True)
    sanctuary_provenance = models.CharField(
        max_length=16, choices=Provenance.CHOICES, default=Provenance.REPORTED
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("gss_code"),
        FieldPanel("sanctuary_status"),
        FieldPanel("sanctuary_since"),
        FieldPanel("sanctuary_provenance"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Officer(models.Model):
    """A council officer's account: the borough whose work they see and change."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="officer"
    )
    borough = models.ForeignKey(Borough, on_delete=models.PROTECT, related_name="officers")
    receives_reminders = models.BooleanField(default=True)
    receives_roundup = models.BooleanField(default=True)

    def __str__(self) -> str:
        return f"{self.user} ({self.borough})"
