"""Fixtures for the host's security tests. Outside demo mode the demo accounts cannot sign
in, so tests of production sign-in use `real_barnet_officer`: Barnet's officer as an account
a convenor made (not marked as a demo account; it keeps the demo password for brevity)."""

import pytest

PASSWORD = "designlab-demo"


@pytest.fixture
def production(settings):
    """Demo mode off, as on a site with real records."""
    settings.DEMO_MODE = False


@pytest.fixture
def real_barnet_officer(barnet_officer):
    from django.contrib.auth.models import Group

    from cms.demo_accounts import DEMO_GROUP

    barnet_officer.groups.remove(*Group.objects.filter(name=DEMO_GROUP))
    return barnet_officer


@pytest.fixture
def seeded_database(transactional_db, django_db_serialized_rollback):
    """The 2023 Lab, its accounts and the public site in a committed database that other
    processes can read. Emptied first and rebuilt from the migrated data: a transactional
    test otherwise starts from that data restored over whatever an earlier test left."""
    from django.core.management import call_command
    from django.db import connection

    from cms.site import home_page_ensure
    from pilots.seed.demo_accounts import demo_accounts_ensure
    from pilots.seed.lab_2023 import load_asylum_welcome_2023
    from toolkit.seed import toolkit_site_ensure

    call_command("flush", interactive=False, inhibit_post_migrate=True, reset_sequences=False,
                 verbosity=0)  # fmt: skip
    connection.creation.deserialize_db_from_string(connection._test_serialized_contents)
    home_page_ensure()
    load_asylum_welcome_2023()
    demo_accounts_ensure()
    toolkit_site_ensure()


@pytest.fixture
def shared_services_settings():
    """Settings for app servers sharing this run's PostgreSQL and Redis; skips the test on
    SQLite runs before any database work is done."""
    from tests.cms.app_servers import shared_services

    return shared_services()
