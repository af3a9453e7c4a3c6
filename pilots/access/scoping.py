"""Who may see what: the one place that knows an officer's borough.

Convenors (superusers or members of the Convenors group) see every borough. An officer
sees only the borough of their `Officer` record. Anyone else sees nothing.
"""

from typing import TYPE_CHECKING

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Q, QuerySet

from designlab.models import Borough, Lab, Participation
from pilots.access.roles import CONVENORS

if TYPE_CHECKING:
    from pilots.models import SharedResource

AnyUser = AbstractBaseUser | AnonymousUser


def is_convenor(user: AnyUser) -> bool:
    if not (user and user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_is_convenor", None)
    if cached is None:
        cached = user._is_convenor = user.groups.filter(name=CONVENORS).exists()
    return cached


def user_borough(user: AnyUser) -> Borough | None:
    """The officer's borough, or None for convenors and everyone else."""
    if not (user and user.is_authenticated and user.is_active):
        return None
    officer = getattr(user, "officer", None)  # reverse one-to-one; None when absent
    return officer.borough if officer is not None else None


def scope_for_user(queryset: QuerySet, user: AnyUser, borough_path: str = "borough") -> QuerySet:
    """Filter `queryset` to what `user` may see; `borough_path` leads from the model to
    its Borough (e.g. "kpi__pilot__borough")."""
    if is_convenor(user):
        return queryset
    borough = user_borough(user)
    if borough is None:
        return queryset.none()
    return queryset.filter(**{borough_path: borough})


def user_may_access(user: AnyUser, borough: Borough | int | None) -> bool:
    """Whether `user` may see and change work of `borough`."""
    if is_convenor(user):
        return True
    own = user_borough(user)
    borough_id = borough.pk if isinstance(borough, Borough) else borough
    return own is not None and borough_id is not None and own.pk == borough_id


def users_who_may_access(borough_id: int | None) -> Q:
    """A filter on users: the convenors, and the officers of `borough_id`. Active users only."""
    return Q(is_active=True) & (
        Q(is_superuser=True) | Q(groups__name=CONVENORS) | Q(officer__borough_id=borough_id)
    )


def boroughs_for_user(user: AnyUser) -> QuerySet:
    """The boroughs `user` may file work under: all for convenors, their own for officers."""
    if is_convenor(user):
        return Borough.objects.all()
    borough = user_borough(user)
    return Borough.objects.filter(pk=borough.pk) if borough else Borough.objects.none()


def labs_for_user(user: AnyUser) -> QuerySet:
    """The Labs `user` may file work under: all for convenors; for officers, the Labs
    their borough takes part in."""
    labs = scope_for_user(Lab.objects.all(), user, borough_path="participations__borough")
    return labs.distinct()


def resources_visible_to(queryset: QuerySet, user: AnyUser) -> QuerySet:
    """Shared resources `user` may read. Sharing is the point of a Lab: an officer reads
    the resources of every borough in the Labs their borough takes part in, whatever their
    visibility ("participants" or "public") unless a convenor withdrew them; they change
    only their own borough's."""
    if is_convenor(user):
        return queryset
    borough = user_borough(user)
    if borough is None:
        return queryset.none()
    shared_labs = Participation.objects.filter(borough=borough).values("lab_id")
    return queryset.filter(borough=borough) | queryset.offered().filter(lab_id__in=shared_labs)


def user_may_read_resource(user: AnyUser, resource: "SharedResource") -> bool:
    """Whether `user` may read `resource` (see resources_visible_to)."""
    if user_may_access(user, resource.borough_id):
        return True
    borough = user_borough(user)
    return (
        borough is not None
        and resource.withdrawn_at is None
        and Participation.objects.filter(borough=borough, lab_id=resource.lab_id).exists()
    )
