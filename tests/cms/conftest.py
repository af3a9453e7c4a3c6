import pytest


@pytest.fixture
def seeded_database(transactional_db, django_db_serialized_rollback):
    """The 2023 Lab, its accounts and the public site in a committed database that other
    processes can read. Emptied first and rebuilt from the migrated data: a transactional
    test otherwise starts from that data restored over whatever an earlier test left."""
    from django.core.management import call_command
    from django.db import connection

    from cms.site import home_page_ensure
    from pilots.demo import demo_accounts_ensure
    from pilots.loader import load_asylum_welcome_2023
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
