"""Permission policies that add per-borough isolation to Django's model permissions.

Wagtail's stock snippet views ask a model's registered policy what a user may do, but
mostly at model level; `pilots.admin.scoped` makes every view ask per object as well.
The borough decisions themselves are taken in `pilots.access.scoping`.
"""

from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.db.models import Model, QuerySet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry

from pilots.access.scoping import (
    AnyUser,
    is_convenor,
    labs_for_user,
    resources_visible_to,
    scope_for_user,
    user_may_access,
    user_may_read_resource,
    users_who_may_access,
)

# A user who may do any of these to an object may see it in listings and choosers.
SEE = ("view", "change")


class BoroughPermissionPolicy(ModelPermissionPolicy):
    """The user's model permissions, on their own borough's objects only (everything for
    convenors). The model has a `borough` foreign key and a `deletion_problem()`."""

    def user_may_reach(self, user: AnyUser, action: str, instance: Model) -> bool:
        return user_may_access(user, instance.borough_id)

    def scope(self, queryset: QuerySet, user: AnyUser, actions: Iterable[str]) -> QuerySet:
        return scope_for_user(queryset, user)

    def user_has_permission_for_instance(self, user: AnyUser, action: str, instance: Model) -> bool:
        if not (
            self.user_has_permission(user, action) and self.user_may_reach(user, action, instance)
        ):
            return False
        # For everyone: what may have been counted is archived or withdrawn, never deleted.
        return action != "delete" or instance.deletion_problem() is None

    def instances_user_has_any_permission_for(
        self, user: AnyUser, actions: Iterable[str]
    ) -> QuerySet:
        permitted = [action for action in actions if self.user_has_permission(user, action)]
        if not permitted:
            return self.model._default_manager.none()
        objects = self.scope(self.model._default_manager.all(), user, permitted)
        return objects.deletable() if permitted == ["delete"] else objects

    def users_with_any_permission_for_instance(
        self, actions: Iterable[str], instance: Model
    ) -> QuerySet:
        return self.users_with_any_permission(actions).filter(
            users_who_may_access(instance.borough_id)
        )


class SharedResourcePermissionPolicy(BoroughPermissionPolicy):
    """Only the owning borough changes a resource; every borough of its Lab may view it."""

    def user_may_reach(self, user: AnyUser, action: str, instance: Model) -> bool:
        if action == "view":
            return user_may_read_resource(user, instance)
        return super().user_may_reach(user, action, instance)

    def scope(self, queryset: QuerySet, user: AnyUser, actions: Iterable[str]) -> QuerySet:
        if "view" in actions:
            return resources_visible_to(queryset, user)
        return super().scope(queryset, user, actions)

    def users_with_any_permission_for_instance(
        self, actions: Iterable[str], instance: Model
    ) -> QuerySet:
        if "view" not in actions:
            return super().users_with_any_permission_for_instance(actions, instance)
        users = self.users_with_any_permission(actions)
        readers = [user for user in users if user_may_read_resource(user, instance)]
        return get_user_model().objects.filter(pk__in=[user.pk for user in readers])


class LabPermissionPolicy(ModelPermissionPolicy):
    """The user's model permissions, on what belongs to their own borough's Labs (the model
    has `labs`, many): everything for convenors. A shared indicator of another Lab is none
    of an officer's business, and answers 404 as another borough's work does."""

    def user_has_permission_for_instance(self, user: AnyUser, action: str, instance: Model) -> bool:
        return self.user_has_permission(user, action) and (
            is_convenor(user) or instance.labs.filter(pk__in=labs_for_user(user)).exists()
        )

    def instances_user_has_any_permission_for(
        self, user: AnyUser, actions: Iterable[str]
    ) -> QuerySet:
        objects = self.model._default_manager.all()
        if not any(self.user_has_permission(user, action) for action in actions):
            return objects.none()
        if is_convenor(user):
            return objects
        # By id: the admin's search filters on plain fields, not on `labs`.
        ours = self.model._default_manager.filter(labs__in=labs_for_user(user)).values("pk")
        return objects.filter(pk__in=ours)


def visible_to(model: type[Model], user: AnyUser) -> QuerySet:
    """Every object of `model` that `user` may see, by the model's registered policy."""
    policy = policy_registry.get_by_type(model)
    return policy.instances_user_has_any_permission_for(user, SEE)
