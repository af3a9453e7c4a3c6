"""Demo accounts: a convenor and one officer per participating borough. Demo mode only."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured

from cms.demo_accounts import demo_account_mark
from designlab.models import Borough, Officer
from pilots.access.roles import CONVENORS, OFFICERS


def demo_accounts_ensure() -> list[str]:
    """Create the demo accounts, or reset their passwords; return their usernames."""
    if not settings.DEMO_MODE:
        raise ImproperlyConfigured("Demo accounts exist only in demo mode (DEMO_MODE=1).")
    User = get_user_model()
    password = settings.DEMO_PASSWORD

    def account(username: str, group: str, **fields) -> "User":
        user, _ = User.objects.get_or_create(username=username, defaults=fields)
        user.set_password(password)
        user.is_active = True
        user.save()
        user.groups.add(Group.objects.get(name=group))
        demo_account_mark(user)
        return user

    names = []
    account("convenor", CONVENORS, first_name="GLA", last_name="Convenor",
            email="convenor@example.org")  # fmt: skip
    names.append("convenor")
    for borough in Borough.objects.filter(participations__isnull=False).distinct():
        username = f"officer-{borough.slug}"
        user = account(username, OFFICERS, first_name=borough.name, last_name="Officer",
                       email=f"{username}@example.org")  # fmt: skip
        Officer.objects.update_or_create(user=user, defaults={"borough": borough})
        names.append(username)
    return names
