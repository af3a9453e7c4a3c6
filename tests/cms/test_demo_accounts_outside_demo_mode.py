"""Demo accounts (published password) work only in demo mode (issue 15, item 1): outside it
no sign-in page accepts them, a session signed in earlier is anonymous at its next request,
`check --deploy` fails while one is active, and `demo_accounts --remove` deletes them."""

import io

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import checks
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.urls import get_resolver
from django.utils import translation

from cms.demo_accounts import DEMO_GROUP
from designlab.models import Officer
from tests.cms.conftest import PASSWORD
from tests.cms.test_deploy_check import PRODUCTION, manage


def sign_in_doors(patterns=None, prefix="") -> list[str]:
    """Every URL of the site named as a sign-in page: the admin's, Wagtail's front-end one,
    and any added later (in the default language: a language prefix follows the active one)."""
    if patterns is None:
        with translation.override(settings.LANGUAGE_CODE):
            return sign_in_doors(get_resolver().url_patterns)
    doors = []
    for pattern in patterns:
        route = prefix + str(pattern.pattern).lstrip("^").rstrip("$")
        if hasattr(pattern, "url_patterns"):
            doors += sign_in_doors(pattern.url_patterns, route)
        elif "login" in (pattern.name or "") and "<" not in route:
            doors.append("/" + route)
    return doors


def signs_in(url: str, username: str, password: str = PASSWORD) -> bool:
    """Whether a browser signs in as `username` through the form at `url` (CSRF enforced)."""
    browser = Client(enforce_csrf_checks=True)
    browser.get(url)
    browser.post(url, {"username": username, "password": password,
                       "csrfmiddlewaretoken": browser.cookies["csrftoken"].value})  # fmt: skip
    return "_auth_user_id" in browser.session


def active_demo_account_errors() -> list[str]:
    messages = checks.run_checks(include_deployment_checks=True, tags=[checks.Tags.security])
    return [m.msg for m in messages if m.id == "cms.E001"]


def test_the_demo_seed_marks_every_account_it_makes(lab):
    marked = set(get_user_model().objects.filter(groups__name=DEMO_GROUP).values_list(
        "username", flat=True))  # fmt: skip
    assert {"convenor", "officer-barnet", "officer-brent"} <= marked
    assert marked == {"convenor"} | {f"officer-{o.borough.slug}" for o in Officer.objects.all()}


def test_every_sign_in_page_is_found():
    assert {"/admin/login/", "/_util/login/"} <= set(sign_in_doors())


@pytest.mark.parametrize("door", sign_in_doors())
def test_no_sign_in_page_accepts_a_demo_account_outside_demo_mode(settings, convenor, door):
    assert signs_in(door, "convenor"), "in demo mode the password works"
    settings.DEMO_MODE = False
    assert not signs_in(door, "convenor")


def test_a_demo_session_signed_in_earlier_is_signed_out(settings, convenor, client):
    client.force_login(convenor)
    assert client.get("/admin/").status_code == 200
    settings.DEMO_MODE = False
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert client.get("/admin/snippets/pilots/pilot/").status_code == 302


def test_a_real_account_still_signs_in_outside_demo_mode(production, real_barnet_officer):
    assert signs_in("/admin/login/", "officer-barnet")


def test_deploy_check_fails_while_an_active_demo_account_exists(settings, convenor):
    settings.DEMO_MODE = False
    [message] = active_demo_account_errors()
    assert "convenor" in message and "officer-barnet" in message
    get_user_model().objects.filter(groups__name=DEMO_GROUP).update(is_active=False)
    assert active_demo_account_errors() == []


def test_removing_demo_accounts_deletes_them_and_nothing_else(settings, real_barnet_officer):
    settings.DEMO_MODE = False
    output = io.StringIO()
    call_command("demo_accounts", "--remove", stdout=output)
    assert "convenor" in output.getvalue() and "officer-brent" in output.getvalue()
    assert not get_user_model().objects.filter(groups__name=DEMO_GROUP).exists()
    assert not get_user_model().objects.filter(username="convenor").exists()
    assert not Officer.objects.filter(user__username="officer-brent").exists()
    assert get_user_model().objects.filter(pk=real_barnet_officer.pk).exists()
    assert active_demo_account_errors() == []


def test_accounts_seeded_before_the_mark_are_marked_by_the_migration(convenor, barnet_officer):
    from importlib import import_module

    from django.apps import apps

    migration = import_module("cms.migrations.0003_mark_seeded_demo_accounts")
    Group.objects.get(name=DEMO_GROUP).user_set.clear()
    someone = get_user_model().objects.create_user("officer-hackney-real", email="a@hackney.gov.uk")
    migration.seeded_demo_accounts_mark(apps, None)
    marked = set(Group.objects.get(name=DEMO_GROUP).user_set.values_list("username", flat=True))
    assert {"convenor", "officer-barnet"} <= marked and someone.username not in marked


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs a database shared with a process"
)
def test_manage_check_deploy_fails_on_a_database_with_demo_accounts(db):
    """The real command, with production settings, on the test database (whose demo accounts
    were committed by the session's setup)."""
    db = connection.settings_dict
    url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING", **{**PRODUCTION, "DATABASE_URL": url}
    )
    assert result.returncode != 0
    assert "cms.E001" in result.stderr and "demo_accounts --remove" in result.stderr


def test_manage_check_deploy_on_an_unreadable_database_says_it_could_not_look():
    nowhere = "postgres://postgres@127.0.0.1:5432/designlab_no_such_db"
    result = manage("check", "--deploy", "--fail-level", "WARNING",
                    **{**PRODUCTION, "DATABASE_URL": nowhere})  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "cms.I001" in result.stderr and "Could not look for demo accounts" in result.stderr
