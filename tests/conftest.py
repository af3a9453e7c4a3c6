"""Shared fixtures. The 2023 Design Lab and its demo accounts are loaded once per test
session; each test runs in a transaction that is rolled back.

Who is who:
- ``convenor``: GLA convenor — sees and changes every borough's work, approves pilots.
- ``barnet_officer``: an officer of Barnet — sees and changes only Barnet's work;
  must get 403/404 on anything of Brent's.
- ``brent_officer``: an officer of Brent — the "other borough" for Barnet's tests.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import PBKDF2PasswordHasher

ROOT = Path(__file__).resolve().parent.parent


class FastPBKDF2PasswordHasher(PBKDF2PasswordHasher):
    """Django's hasher at a thousandth of its work: the demo accounts are hashed at every
    reseed, and a password sign-in costs a second. The hash records its iterations, so app
    servers and workers started by tests (default hashers) still accept these passwords."""

    iterations = 1000


def pytest_configure(config: pytest.Config) -> None:
    from django.conf import settings

    settings.PASSWORD_HASHERS = [
        "tests.conftest.FastPBKDF2PasswordHasher",
        *(h for h in settings.PASSWORD_HASHERS if not h.endswith(".PBKDF2PasswordHasher")),
    ]


@pytest.fixture(scope="session", autouse=True)
def compiled_translations():
    """The .po catalogues compiled, as `make setup` does: the .mo files are not in git."""
    from django.conf import settings
    from django.test.signals import setting_changed

    from cms.translations import translations_compile

    if translations_compile():
        # Django caches the catalogues it has loaded; this signal makes it read them again.
        setting_changed.send(
            sender=None, setting="LOCALE_PATHS", value=settings.LOCALE_PATHS, enter=False
        )


@pytest.fixture(autouse=True)
def collection_tree_repaired(request: pytest.FixtureRequest) -> None:
    """A serialized rollback puts the root collection back as the migrations left it,
    childless, beside the collections the session made (the borough collections): repair
    the tree first, or the next collection added collides on its path."""
    marker = request.node.get_closest_marker("django_db")
    serialized = "django_db_serialized_rollback" in request.fixturenames or (
        marker is not None and marker.kwargs.get("serialized_rollback")
    )
    if serialized:
        from wagtail.models import Collection

        request.getfixturevalue("transactional_db")
        Collection.fix_tree()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from cms.site import home_page_ensure
    from pilots.seed.demo_accounts import demo_accounts_ensure
    from pilots.seed.lab_2023 import load_asylum_welcome_2023
    from toolkit.seed import toolkit_site_ensure

    with django_db_blocker.unblock():
        home_page_ensure()
        load_asylum_welcome_2023()
        demo_accounts_ensure()
        toolkit_site_ensure()


@pytest.fixture
def lab(db):
    from designlab.models import Lab

    return Lab.objects.get(slug="asylum-welcome-2023")


def _user(username):
    return get_user_model().objects.get(username=username)


@pytest.fixture
def convenor(db):
    return _user("convenor")


@pytest.fixture
def barnet_officer(db):
    return _user("officer-barnet")


@pytest.fixture
def brent_officer(db):
    return _user("officer-brent")


@pytest.fixture
def barnet_pilot(db):
    from pilots.models import Pilot

    return Pilot.objects.get(borough__slug="barnet")


@pytest.fixture
def brent_pilot(db):
    from pilots.models import Pilot

    return Pilot.objects.get(borough__slug="brent")


def broker_url() -> str:
    return os.environ.get("CELERY_BROKER_URL", "")


@pytest.fixture
def tasks_in_process():
    """Celery tasks run in this process, also on runs with a broker."""
    from cms.celery_app import app

    eager = app.conf.task_always_eager
    app.conf.task_always_eager = True
    try:
        yield
    finally:
        app.conf.task_always_eager = eager


# The worker as the README runs it (both queues, memory and task limits per child), with one
# child: CI has two cores.
WORKER_COMMAND = [
    sys.executable, "-m", "celery", "-A", "cms", "worker", "-Q", "celery,bulk",
    "--concurrency=1", "--max-tasks-per-child=100", "--max-memory-per-child=524288",
    "--loglevel=WARNING", "--without-heartbeat", "--without-gossip", "--without-mingle",
]  # fmt: skip


def worker_env(settings, broker: str) -> dict:
    """The environment of a worker process using the test database and `broker`."""
    from django.db import connection

    db = connection.settings_dict
    return {
        **os.environ,
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "CELERY_BROKER_URL": broker,
        "CELERY_RESULT_BACKEND": broker,
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "PRIVATE_MEDIA_ROOT": str(settings.PRIVATE_MEDIA_ROOT),
        "EXPORTS_ROOT": str(settings.EXPORTS_ROOT),
    }


def worker_start(env: dict) -> subprocess.Popen:
    """A worker in a process group of its own, so a test can kill it whole (`worker_stop`)."""
    return subprocess.Popen(WORKER_COMMAND, cwd=ROOT, env=env, start_new_session=True)


def worker_stop(worker: subprocess.Popen) -> None:
    if worker.poll() is None:
        os.killpg(worker.pid, signal.SIGTERM)
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(worker.pid, signal.SIGKILL)
            worker.wait()
    time.sleep(0.1)


@pytest.fixture
def celery_worker_process(transactional_db, django_db_serialized_rollback, settings):
    """A real `celery worker` process on the configured broker, using the test database.

    Skips on SQLite runs: an in-memory test database cannot be shared with another process.
    """
    from django.db import connection

    if not broker_url():
        pytest.skip("no CELERY_BROKER_URL: tasks run in-process")
    if connection.vendor != "postgresql":
        pytest.skip("a worker process needs a shared database (PostgreSQL)")
    worker = worker_start(worker_env(settings, broker_url()))
    settings.CELERY_TASK_ALWAYS_EAGER = False
    from cms.celery_app import app

    saved = app.conf.task_always_eager, app.conf.result_backend
    app.conf.task_always_eager = False
    app.conf.result_backend = broker_url()
    vars(app._local).pop("backend", None)  # Celery caches the backend it made first
    try:
        yield worker
    finally:
        app.conf.task_always_eager, app.conf.result_backend = saved
        vars(app._local).pop("backend", None)
        worker_stop(worker)


def breakdown_make(name: str, categories: list[str]):
    """A convenor's list of categories (`designlab.models.Breakdown`), in this order."""
    from designlab.models import Breakdown, Category

    breakdown = Breakdown(name=name)
    breakdown.categories = [Category(name=c, sort_order=i) for i, c in enumerate(categories)]
    breakdown.save()
    return breakdown


@pytest.fixture
def age_band(db):
    return breakdown_make("Age band (test)", ["Under 25", "25 to 49", "50 and over"])


@pytest.fixture
def split_kpi(barnet_pilot, age_band):
    """A monthly count KPI of Barnet's pilot split by age band, with no readings: six
    periods owed (July to December 2023)."""
    from pilots.models import KPI

    return KPI.objects.create(
        pilot=barnet_pilot, name="Residents welcomed", unit=KPI.Unit.COUNT,
        frequency=KPI.Frequency.MONTHLY, baseline=0, target=300, sort_order=9,
        split_by=age_band,
    )  # fmt: skip
