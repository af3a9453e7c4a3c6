"""The Lab itself: boroughs, cohorts, sessions, and who works for which borough."""

from django.conf import settings
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


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


class Session(models.Model):
    """A workshop, webinar, briefing or mentoring call the Lab runs."""

    class Kind(models.TextChoices):
        WORKSHOP = "workshop", "Workshop"
        WEBINAR = "webinar", "Webinar"
        BRIEFING = "briefing", "Briefing"
        MENTORING = "mentoring", "Mentoring call"

    lab = models.ForeignKey(Lab, on_delete=models.CASCADE, related_name="sessions")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=300)
    held_on = models.DateField(null=True, blank=True)
    description = models.TextField(blank=True)
    date_provenance = models.CharField(
        max_length=16, choices=Provenance.CHOICES, default=Provenance.REPORTED
    )
    attendees = models.ManyToManyField(Borough, through="Attendance", related_name="sessions")

    class Meta:
        ordering = ["lab", "kind", "number"]
        constraints = [
            models.UniqueConstraint(fields=["lab", "kind", "number"], name="one_session_number")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number}: {self.title}"


class Attendance(Provenance):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attendance")
    borough = models.ForeignKey(Borough, on_delete=models.PROTECT, related_name="attendance")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "borough"], name="one_attendance")
        ]

    def __str__(self) -> str:
        return f"{self.borough} at {self.session}"


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


# Success criteria and exports live in their own module; imported so Django finds them.
from designlab.criteria import (  # noqa: E402, F401
    Export,
    Measure,
    Outcome,
    OutcomeMeasure,
    OutcomeSnapshot,
    Rating,
)
