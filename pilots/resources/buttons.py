"""Where a shared resource's actions are offered in the admin: "We reused this" (or, once
recorded, the way back to it) in the resource list, the convenor's "Withdraw" (or "Offer
again") there, and "Approve for the public" in the list, on the edit page and on the inspect
page (`pilots.admin.inspect`)."""

from django.urls import reverse
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.action_menu import ActionMenuItem

from pilots.access.scoping import AnyUser, is_convenor, user_borough
from pilots.models import SharedResource

APPROVE = "Approve for the public"


def _awaiting(resource: SharedResource) -> bool:
    return SharedResource.objects.awaiting_review().filter(pk=resource.pk).exists()


def resource_listing_buttons(
    instance: object, user: AnyUser, next_url: str | None = None
) -> list[ListingButton]:
    """A `register_snippet_listing_buttons` hook. The listing's rows know whether the
    officer's borough reused them (`reused_by_you`, see SharedResourceViewSet)."""
    if not isinstance(instance, SharedResource):
        return []
    if is_convenor(user):
        buttons = []
        if instance.visibility == SharedResource.Visibility.PUBLIC and not instance.is_public:
            url = reverse("pilots_resource_approve", args=[instance.pk])
            buttons.append(ListingButton(APPROVE, url, icon_name="tick", priority=20))
        # Withdrawn, not deleted: the reuses recorded against it keep counting.
        withdrawn = instance.withdrawn_at is not None
        buttons.append(
            ListingButton(
                "Offer again" if withdrawn else "Withdraw",
                reverse("pilots_resource_withdraw", args=[instance.pk]),
                icon_name="resubmit" if withdrawn else "cross",
                priority=30,
            )
        )
        return buttons
    borough = user_borough(user)
    if borough is None or borough.pk == instance.borough_id:
        return []
    reused = getattr(instance, "reused_by_you", False)
    label = "Reuse recorded" if reused else "We reused this"  # its page has the way back
    url = reverse("pilots_resource_reuse", args=[instance.pk])
    return [ListingButton(label, url, icon_name="tick", priority=20)]


class ApproveForThePublicMenuItem(ActionMenuItem):
    """On the resource's edit page, for a convenor, while it awaits approval: opens the
    page that says what approving does and approves it."""

    label = APPROVE
    name = "action-approve-for-the-public"
    icon_name = "tick"

    def is_shown(self, context: dict) -> bool:
        instance = context.get("instance")
        return (
            context.get("view") == "edit"
            and is_convenor(context["request"].user)
            and instance is not None
            and _awaiting(instance)
        )

    def get_url(self, parent_context: dict) -> str:
        return reverse("pilots_resource_approve", args=[parent_context["instance"].pk])
