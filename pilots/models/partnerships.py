"""Who a pilot works with, and how a borough embedded what it learned."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from designlab.models import Provenance
from pilots.models.pilots import PilotRecordQuerySet


class Partnership(Orderable, Provenance):
    class PartnerType(models.TextChoices):
        VCS = "vcs", "VCS organisation"
        FAITH = "faith", "Faith group"
        NHS = "nhs", "NHS"
        POLICE = "police", "Police"
        SCHOOLS = "schools", "Schools"
        UNIVERSITY = "university", "University"
        HOME_OFFICE = "home_office", "Home Office"
        MIGRANT_HELP = "migrant_help", "Migrant Help"
        ACCOMMODATION = "accommodation", "Accommodation provider"
        BOROUGH = "borough", "Another borough"
        GLA = "gla", "GLA / London Councils"
        COUNCIL = "council", "Council department"

    pilot = ParentalKey("pilots.Pilot", on_delete=models.CASCADE, related_name="partnerships")
    partner = models.CharField(max_length=200)
    partner_type = models.CharField(max_length=16, choices=PartnerType.choices)
    is_new = models.BooleanField("New through the Lab", default=True)

    objects = PilotRecordQuerySet.as_manager()

    panels = [
        FieldPanel("partner"),
        FieldPanel("partner_type"),
        FieldPanel("is_new"),
        FieldPanel("provenance"),
        FieldPanel("source_note"),
    ]

    def __str__(self) -> str:
        return self.partner


class PracticeChange(Orderable, Provenance):
    """How a borough embedded the Lab's learning (the kinds in report Table 2)."""

    class Kind(models.TextChoices):
        MULTI_AGENCY = "multi_agency", "New multi-agency or cross-borough channel"
        UPSKILLING = "upskilling", "Upskilling or expanding the asylum team from others' practice"
        CO_DESIGN = "co_design", "Consultation and co-design with asylum-seeking residents"
        DEFINITION = "definition", "Formalised working definition of integration"
        OUTCOMES = "outcomes", "Integration outcomes embedded in services"
        ACCOMMODATION = "accommodation", "Closer communication with accommodation providers"

    pilot = ParentalKey("pilots.Pilot", on_delete=models.CASCADE, related_name="practice_changes")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    description = models.TextField(blank=True)

    objects = PilotRecordQuerySet.as_manager()

    panels = [
        FieldPanel("kind"),
        FieldPanel("description"),
        FieldPanel("provenance"),
        FieldPanel("source_note"),
    ]

    def __str__(self) -> str:
        return self.get_kind_display()
