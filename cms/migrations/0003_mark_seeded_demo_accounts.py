"""Mark the demo accounts that `make run` seeded before demo accounts were marked, so that a
database seeded then is protected like one seeded now (cms/demo_accounts.py)."""

from django.conf import settings
from django.db import migrations
from django.db.models import Q


def seeded_demo_accounts_mark(apps, schema_editor) -> None:
    """The seed made `convenor` and `officer-<borough>`, each with the address
    <username>@example.org (a domain no real person's mail uses)."""
    User = apps.get_model(settings.AUTH_USER_MODEL)
    Group = apps.get_model("auth", "Group")
    candidates = User.objects.filter(Q(username="convenor") | Q(username__startswith="officer-"))
    seeded = [user for user in candidates if user.email == f"{user.username}@example.org"]
    if seeded:
        group, _ = Group.objects.get_or_create(name="Demo accounts")
        for user in seeded:
            user.groups.add(group)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0002_home_page_body"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(seeded_demo_accounts_mark, migrations.RunPython.noop)]
