"""Where a fact comes from."""

from django.db import models


class Provenance(models.Model):
    """Where a fact comes from. The report names few boroughs behind its counts; anything
    the dataset assigns without the text's support is marked illustrative."""

    REPORTED = "reported"
    ILLUSTRATIVE = "illustrative"
    CHOICES = [(REPORTED, "Stated in the source"), (ILLUSTRATIVE, "Illustrative")]

    provenance = models.CharField(max_length=16, choices=CHOICES, default=REPORTED)
    source_note = models.TextField(
        blank=True, help_text="Where this comes from, or why it is illustrative."
    )

    class Meta:
        abstract = True
