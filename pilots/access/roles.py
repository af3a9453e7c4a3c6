"""The two roles and the moderation workflow, created after every migrate.

Convenors (the GLA) see and change everything and approve pilots; borough officers edit
their own borough's work and submit it for approval, but cannot publish. Each borough's
officers also share a group that opens its document collection (pilots.access.collections).
"""

from typing import Any

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    Workflow,
    WorkflowContentType,
    WorkflowTask,
)
from wagtail.snippets.models import create_extra_permissions

from pilots.access.collections import borough_collections_ensure
from pilots.models import Pilot

CONVENORS = "Convenors"
OFFICERS = "Borough officers"
WORKFLOW = "Convenor approval"

OFFICER_PERMISSIONS = [
    "wagtailadmin.access_admin",
    "pilots.add_pilot",
    "pilots.change_pilot",
    "pilots.delete_pilot",
    "pilots.lock_pilot",
    "pilots.add_kpireading",
    "pilots.change_kpireading",
    "pilots.view_kpireading",
    "pilots.add_sharedresource",
    "pilots.change_sharedresource",
    "pilots.delete_sharedresource",
    "pilots.view_sharedresource",
    "designlab.view_breakdown",  # choose a KPI's categories; convenors keep the lists
    # Shared indicators: convenors define them; officers read and adopt them.
    "designlab.view_sharedindicator",
    "pilots.add_followup",
    "pilots.change_followup",
    "pilots.view_followup",
    # Documents: per borough, through collections (pilots.access.collections).
]


def _permissions(codenames: list[str]) -> list[Permission]:
    found = []
    for dotted in codenames:
        app_label, codename = dotted.split(".")
        found.extend(
            Permission.objects.filter(content_type__app_label=app_label, codename=codename)
        )
    return found


def ensure_roles(**kwargs: Any) -> None:
    """Create or refresh the groups and the pilot workflow. Safe to run any number of times."""
    # post_migrate reaches this app before auth has made the permissions of later apps.
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    # Likewise Wagtail's publish/lock/unlock permissions of snippets.
    create_extra_permissions(apps.get_app_config("wagtailsnippets"))

    convenors, _ = Group.objects.get_or_create(name=CONVENORS)
    convenors.permissions.set(
        Permission.objects.filter(content_type__app_label__in=["pilots", "designlab"])
        | Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")
        | Permission.objects.filter(
            content_type__app_label="wagtaildocs",
            codename__in=["add_document", "change_document", "choose_document", "delete_document"],
        )
    )
    officers, _ = Group.objects.get_or_create(name=OFFICERS)
    officers.permissions.set(_permissions(OFFICER_PERMISSIONS))

    # Document permissions are per collection in Wagtail. Officers hold none on the root
    # collection (so none on the toolkit's or another borough's documents): theirs come
    # from their borough's group.
    root = Collection.get_first_root_node()
    if root is not None:
        for group in (convenors, officers):
            granted = group.permissions.filter(content_type__app_label="wagtaildocs")
            for perm in granted:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root, permission=perm
                )
            # A permission taken from the role is taken from existing sites too.
            GroupCollectionPermission.objects.filter(
                group=group, collection=root, permission__content_type__app_label="wagtaildocs"
            ).exclude(permission__in=granted).delete()

    if root is not None:
        borough_collections_ensure()

    task, _ = GroupApprovalTask.objects.get_or_create(name="Convenor review")
    task.groups.set([convenors])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW)
    # Not workflow.workflow_tasks.create(): Workflow is a ClusterableModel, whose
    # related managers keep new children in memory until the workflow is saved.
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowContentType.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(Pilot), defaults={"workflow": workflow}
    )
