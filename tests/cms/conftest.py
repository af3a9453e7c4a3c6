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
