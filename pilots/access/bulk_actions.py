"""Wagtail's bulk-action pages (`/admin/bulk/<app>/<model>/<action>/?id=…`), closed like
every other view.

Wagtail builds a bulk action's page from every object whose id is asked for (`id=all`
means every object of the model) and lists the ones the user may not act on by name
("You don't have permission to …"), so an officer could read every borough's pilot
titles, every officer's name and borough and every draft page's title there. Here each
action first keeps only what the user may see in the admin's listings, by the model's
permission policy; an id of anything else is ignored, and a page with nothing left to
list answers 404. Each of Wagtail's actions is registered again in a scoped form, after
Wagtail's own (the registry keeps the last one registered for a model and action).
"""

from collections.abc import Iterable

from django.db.models import Model, QuerySet
from django.http import Http404
from wagtail.admin.views.bulk_action import BulkAction
from wagtail.admin.views.pages import bulk_actions as page_actions
from wagtail.admin.views.pages.bulk_actions.page_bulk_action import PageBulkAction
from wagtail.documents.views import bulk_actions as document_actions
from wagtail.documents.views.bulk_actions.document_bulk_action import DocumentBulkAction
from wagtail.images.views import bulk_actions as image_actions
from wagtail.images.views.bulk_actions.image_bulk_action import ImageBulkAction
from wagtail.permissions import policy_registry
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction as SnippetDeleteBulkAction
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.users.views import bulk_actions as user_actions
from wagtail.users.views.bulk_actions.user_bulk_action import UserBulkAction

from pilots.access.policies import SEE

# What a user must be allowed to do to an object to see it in the admin, by kind of model
# (as Wagtail's own listings decide: snippets, the page explorer, users, documents, images).
SEEN_WITH = {
    SnippetBulkAction: SEE,
    PageBulkAction: ("add", "change", "publish", "bulk_delete", "lock", "unlock"),
    UserBulkAction: ("add", "change", "delete"),
    DocumentBulkAction: ("change", "delete"),
    ImageBulkAction: ("change", "delete"),
}


class ScopedBulkAction:
    """Lists and acts on only the objects the user may see (`seen_with`)."""

    seen_with: tuple[str, ...] = ()

    def get_queryset(
        self, model: type[Model], object_ids: QuerySet | Iterable[int | str]
    ) -> list[Model]:
        policy = policy_registry.get_by_type(model)
        visible = policy.instances_user_has_any_permission_for(self.request.user, self.seen_with)
        ids = object_ids if isinstance(object_ids, QuerySet) else list(object_ids)
        objects = list(visible.filter(pk__in=ids))
        if not objects:
            raise Http404
        return objects


def scoped(action: type[BulkAction]) -> type[BulkAction]:
    """`action` keeping to what the user may see."""
    [seen_with] = [actions for kind, actions in SEEN_WITH.items() if issubclass(action, kind)]
    attributes = {"seen_with": seen_with, "__module__": __name__}
    return type(f"Scoped{action.__name__}", (ScopedBulkAction, action), attributes)


SCOPED_BULK_ACTIONS = [
    scoped(action)
    for action in (
        SnippetDeleteBulkAction,
        page_actions.DeleteBulkAction,
        page_actions.MoveBulkAction,
        page_actions.PublishBulkAction,
        page_actions.UnpublishBulkAction,
        user_actions.AssignRoleBulkAction,
        user_actions.DeleteBulkAction,
        user_actions.SetActiveStateBulkAction,
        document_actions.AddTagsBulkAction,
        document_actions.AddToCollectionBulkAction,
        document_actions.DeleteBulkAction,
        image_actions.AddTagsBulkAction,
        image_actions.AddToCollectionBulkAction,
        image_actions.DeleteBulkAction,
    )
]
