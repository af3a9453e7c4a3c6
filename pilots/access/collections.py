"""Document collections: one per borough, opened only to that borough's officers, and the
Lab's shared collection, which every officer may choose from.

Wagtail decides who may choose, see, edit and upload documents by collection
(`CollectionOwnershipPermissionPolicy`, through `GroupCollectionPermission`), in its
chooser, index, search, edit and multiple-upload views alike. So each borough has a group,
"Officers of <borough>", that may add documents to the borough's collection and choose
from it and from the Lab's; an officer belongs to the group of the borough of their
`Officer` record and to no other (kept in step when the record is saved or deleted, and by
the role refresh after every migrate). An officer edits only the documents they uploaded.
"""

from typing import Any

from django.contrib.auth.models import Group, Permission
from django.db.models import Model
from wagtail.documents import get_document_model
from wagtail.models import Collection, GroupCollectionPermission

from designlab.models import Borough, Officer
from pilots.models import SharedResource

BOROUGHS_COLLECTION = "Boroughs"
LAB_COLLECTION = "Design Lab (shared)"
OFFICERS_OF = "Officers of "


def _child(parent: Collection, name: str) -> Collection:
    found = parent.get_children().filter(name=name).first()
    return found or parent.add_child(name=name)


def lab_collection() -> Collection:
    """Documents the convenors share with every borough."""
    return _child(Collection.get_first_root_node(), LAB_COLLECTION)


def borough_collection(borough: Borough) -> Collection:
    boroughs = _child(Collection.get_first_root_node(), BOROUGHS_COLLECTION)
    return _child(boroughs, borough.name)


def borough_of_collection(collection: Collection) -> Borough | None:
    """The borough whose collection `collection` is (or is inside), if any."""
    chain = {c.depth: c for c in collection.get_ancestors(inclusive=True)}
    if len(chain) < 3 or chain[2].name != BOROUGHS_COLLECTION:
        return None
    return Borough.objects.filter(name=chain[3].name).first()


def _document_permission(codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label="wagtaildocs", codename=codename)


def borough_officers_group(borough: Borough) -> Group:
    """The group whose members may upload to `borough`'s collection and choose from it
    and from the Lab's. Created, or put right, when asked for."""
    group, _ = Group.objects.get_or_create(name=f"{OFFICERS_OF}{borough.name}")
    add, choose = _document_permission("add_document"), _document_permission("choose_document")
    own, lab = borough_collection(borough), lab_collection()
    wanted = {(own.pk, add.pk), (own.pk, choose.pk), (lab.pk, choose.pk)}
    for granted in GroupCollectionPermission.objects.filter(group=group):
        if (granted.collection_id, granted.permission_id) not in wanted:
            granted.delete()
    for collection_id, permission_id in wanted:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection_id=collection_id, permission_id=permission_id
        )
    return group


def officer_groups_sync(user: Model) -> None:
    """Put `user` in the officers' group of their borough and take them out of any other."""
    officer = Officer.objects.filter(user=user).select_related("borough").first()
    wanted = [borough_officers_group(officer.borough)] if officer else []
    other = user.groups.filter(name__startswith=OFFICERS_OF).exclude(pk__in=[g.pk for g in wanted])
    user.groups.remove(*other)
    user.groups.add(*wanted)


def officer_saved(sender: type[Model], instance: Officer, **kwargs: Any) -> None:
    """A `post_save` and `post_delete` receiver on Officer."""
    officer_groups_sync(instance.user)


def borough_collections_ensure() -> None:
    """Every officer in their borough's group; documents still in the root collection
    moved to the collection of the borough that uploaded them or shares them."""
    for officer in Officer.objects.select_related("user"):
        officer_groups_sync(officer.user)
    root = Collection.get_first_root_node()
    documents = get_document_model().objects.filter(collection=root)
    for borough in Borough.objects.filter(officers__isnull=False).distinct():
        shared = SharedResource.objects.filter(borough=borough).values("document_id")
        documents.filter(uploaded_by_user__officer__borough=borough).update(
            collection=borough_collection(borough)
        )
        documents.filter(pk__in=shared).update(collection=borough_collection(borough))
