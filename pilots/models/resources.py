"""What boroughs share with the cohort, and the peer exchanges when another borough reuses it."""

from django.db import models
from wagtail.search import index

from designlab.models import Borough, Lab, Provenance


class SharedResourceQuerySet(models.QuerySet):
    def offered(self) -> "SharedResourceQuerySet":
        """Not withdrawn by a convenor: what other boroughs and the public may see."""
        return self.filter(withdrawn_at__isnull=True)

    def deletable(self) -> "SharedResourceQuerySet":
        """Resources nobody has reused: the only ones that may be deleted (see
        `SharedResource.deletion_problem`)."""
        return self.exclude(reuses__isnull=False)

    def public(self) -> "SharedResourceQuerySet":
        """Offered to the public and approved by a convenor: what the public site lists."""
        return self.offered().filter(
            visibility=SharedResource.Visibility.PUBLIC, approved_at__isnull=False
        )

    def awaiting_review(self) -> "SharedResourceQuerySet":
        """Offered to the public and not yet approved."""
        return self.offered().filter(
            visibility=SharedResource.Visibility.PUBLIC, approved_at__isnull=True
        )


class SharedResource(index.Indexed, Provenance):
    """Something a borough shares with the cohort: a document or a link."""

    class Kind(models.TextChoices):
        WELCOME_PACK = "welcome_pack", "Welcome or induction pack"
        TERMS_OF_REFERENCE = "terms_of_reference", "Terms of reference"
        SAFEGUARDING = "safeguarding", "Safeguarding tool"
        TRAINING = "training", "Training material"
        STRATEGY = "strategy", "Strategy or business case"
        EVALUATION = "evaluation", "Evaluation instrument"
        CONTACTS = "contacts", "Contact list"
        DATA_SOURCE = "data_source", "Data source"
        REPORT = "report", "Report"

    class Visibility(models.TextChoices):
        PARTICIPANTS = "participants", "Lab participants only"
        PUBLIC = "public", "Public, once a convenor approves"

    lab = models.ForeignKey(Lab, on_delete=models.PROTECT, related_name="resources")
    borough = models.ForeignKey(Borough, on_delete=models.PROTECT, related_name="resources")
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    description = models.TextField(blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    url = models.URLField(blank=True)
    visibility = models.CharField(
        max_length=12, choices=Visibility.choices, default=Visibility.PARTICIPANTS
    )
    approved_at = models.DateTimeField(null=True, blank=True, editable=False)
    # A convenor withdraws a resource instead of deleting it: its reuses keep counting.
    withdrawn_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    # The version an edit form was loaded from: a save from an older one is refused.
    updated_at = models.DateTimeField(auto_now=True)

    search_fields = [
        index.SearchField("title"),
        index.SearchField("description"),
        index.AutocompleteField("title"),
        index.FilterField("borough"),
        index.FilterField("lab"),
        index.FilterField("visibility"),
        index.FilterField("withdrawn_at"),
    ]

    objects = SharedResourceQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_public(self) -> bool:
        return (
            self.visibility == self.Visibility.PUBLIC
            and self.approved_at is not None
            and self.withdrawn_at is None
        )

    @property
    def visibility_shown(self) -> str:
        """Who may see it, in words, as exports show it: offered to the public is not public
        until a convenor approves it."""
        if self.withdrawn_at is not None:
            return "Withdrawn by a convenor"
        if self.is_public:
            return "Public"
        if self.visibility == self.Visibility.PUBLIC:
            return "Offered to the public, awaiting a convenor's approval"
        return self.get_visibility_display()

    def deletion_problem(self) -> str | None:
        """Why this resource may not be deleted (by anyone), or None: the reuses recorded
        against it are peer exchanges that the Lab's outcome ratings count."""
        if not SharedResource.objects.filter(pk=self.pk).deletable().exists():
            return (
                f"“{self}” has been reused by another borough, so it is kept with the "
                "record of that reuse. A convenor can withdraw it instead."
            )
        return None


class ResourceReuse(Provenance):
    """Another borough reused a shared resource: a peer exchange."""

    # Outcome ratings count reuses: deleting their resource must not take them with it.
    resource = models.ForeignKey(SharedResource, on_delete=models.PROTECT, related_name="reuses")
    borough = models.ForeignKey(Borough, on_delete=models.PROTECT, related_name="reuses")
    reused_on = models.DateField(auto_now_add=True)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["resource", "borough"], name="one_reuse_per_borough")
        ]

    def __str__(self) -> str:
        return f"{self.borough} reused {self.resource}"
