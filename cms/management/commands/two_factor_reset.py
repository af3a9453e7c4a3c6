from argparse import ArgumentParser
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django_otp import devices_for_user

from cms.two_factor_invitations import invitation_email, invitation_issue


class Command(BaseCommand):
    help = (
        "Remove a user's authenticators (e.g. a lost phone) and send them a new invitation to "
        "enrol one; it is also printed, to hand over if the email goes astray. Also gives an "
        "account made outside the admin (createsuperuser) its first invitation. Check who is "
        "asking before running this."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("username")

    def handle(self, *args: Any, username: str, **options: Any) -> None:
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user is called {username!r}.")
        devices = list(devices_for_user(user, confirmed=None))
        for device in devices:
            device.delete()
        self.stdout.write(f"Removed {len(devices)} authenticator(s) from {username}.")
        invitation, link = invitation_issue(user=user)
        try:
            sent = invitation_email(invitation=invitation, link=link)
            how = f"emailed to {user.email}" if sent else "not emailed: the account has no address"
        except OSError as error:
            how = f"NOT emailed: {error}"
        expires = timezone.localtime(invitation.expires_at).strftime("%d %B %Y, %H:%M")
        self.stdout.write(f"New invitation ({how}); it works once, until {expires}:\n{link}")
