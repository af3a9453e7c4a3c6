from django.core.management.base import BaseCommand

from pilots.seed.demo_accounts import demo_accounts_ensure


class Command(BaseCommand):
    help = "Create the demo accounts (DEMO_MODE only); password from DEMO_PASSWORD."

    def handle(self, *args, **options):
        names = demo_accounts_ensure()
        self.stdout.write(f"{len(names)} demo accounts: {', '.join(names)}")
