"""A Lab (a cohort of boroughs around one theme) and who takes part in it."""

import calendar
import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.search import index

from designlab.models.boroughs import Borough
from designlab.models.provenance import Provenance


def follow_up_months_default() -> list[int]:
    return [6, 12, 24]


def follow_up_months_validate(value: object) -> None:
    """A list of whole numbers of months, each 1 or more, none twice."""
    fine = (
        isinstance(value, list)
        and all(isinstance(m, int) and not isinstance(m, bool) and m > 0 for m in value)
        and len(set(value)) == len(value)
    )
    if not fine:
        raise ValidationError(
            "Enter the months as a list of whole numbers, each 1 or more, none twice, "
            "for example [6, 12, 24]."
        )


def months_after(day: dt.date, months: int) -> dt.date:
    """`day` moved on by `months` calendar months; the 31st of a shorter month falls on
    its last day."""
    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    last_day = calendar.monthrange(year, month)[1]
    return day.replace(year=year, month=month, day=min(day.day, last_day))


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
    # A JSON list stores the same on SQLite and PostgreSQL and reads back as a list.
    follow_up_months = models.JSONField(
        "Follow-up check-ins (months after the Lab ends)",
        default=follow_up_months_default,
        blank=True,  # a Lab may ask for no check-ins: []
        validators=[follow_up_months_validate],
        help_text="Each pilot's officers are asked whether it lasted this many months after "
        "the Lab ends, for example [6, 12, 24].",
    )

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["-starts_on"]

    def __str__(self) -> str:
        return self.name

    def follow_up_due_on(self, months: int) -> dt.date:
        """When the check-in `months` after the Lab falls due: the Lab's end plus `months`."""
        return months_after(self.ends_on, months)


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
