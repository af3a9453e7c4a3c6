"""Demo accounts share a published password, so they exist only in demo mode.

They are members of the "Demo accounts" group (a group needs no migration and shows in the
admin's user listing). Outside demo mode the sign-in backend knows none of them: a password
is refused and a session signed in earlier is anonymous from its next request.
`manage.py check --deploy` reports any that is still active (cms/checks.py) and
`manage.py demo_accounts --remove` deletes them.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import AbstractBaseUser, Group, User
from django.db.models import QuerySet

DEMO_GROUP = "Demo accounts"


def demo_account_mark(user: User) -> None:
    group, _ = Group.objects.get_or_create(name=DEMO_GROUP)
    user.groups.add(group)


def demo_accounts() -> QuerySet:
    return get_user_model().objects.filter(groups__name=DEMO_GROUP)


def demo_accounts_remove() -> list[str]:
    """Delete every demo account; return their usernames."""
    names = sorted(demo_accounts().values_list("username", flat=True))
    demo_accounts().delete()
    return names


def accounts_that_may_sign_in(users: QuerySet) -> QuerySet:
    """`users` without the demo accounts, unless in demo mode."""
    return users if settings.DEMO_MODE else users.exclude(groups__name=DEMO_GROUP)


class DemoModeBackend(ModelBackend):
    """Django's ModelBackend, to which demo accounts exist only in demo mode. Sign-in asks
    `user_can_authenticate`; each request of a signed-in session asks `get_user`, which
    answers with the one query ModelBackend makes."""

    def user_can_authenticate(self, user: AbstractBaseUser) -> bool:
        users = accounts_that_may_sign_in(get_user_model().objects.filter(pk=user.pk))
        return super().user_can_authenticate(user) and users.exists()

    def get_user(self, user_id: int) -> AbstractBaseUser | None:
        users = accounts_that_may_sign_in(get_user_model()._default_manager.filter(pk=user_id))
        user = users.first()
        return user if user is not None and super().user_can_authenticate(user) else None
