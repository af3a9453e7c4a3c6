"""The report's priority challenges and the Indicators of Integration domains."""

from django.db import models


class Challenge(models.Model):
    """A priority integration challenge (report §3.1)."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class IntegrationDomain(models.Model):
    """A domain of the Home Office Indicators of Integration framework (2019)."""

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    group = models.CharField(max_length=60, help_text="Markers and means, social connections, …")

    class Meta:
        ordering = ["group", "name"]

    def __str__(self) -> str:
        return self.name
