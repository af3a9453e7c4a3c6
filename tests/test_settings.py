"""Settings come from the environment: SQLite and eager tasks by default, PostgreSQL and a
broker when the variables are set, and production refuses to start half-configured."""

import json
import os
import subprocess
import sys

from tests.conftest import ROOT

PROBE = (
    "import json, django; from django.conf import settings; django.setup();"
    "print(json.dumps({'engine': settings.DATABASES['default']['ENGINE'],"
    "'name': str(settings.DATABASES['default']['NAME']),"
    "'eager': settings.CELERY_TASK_ALWAYS_EAGER, 'demo': settings.DEMO_MODE}))"
)
KEY = "k" * 60 + "x-production-key"
PG = "postgres://postgres@127.0.0.1:5432/designlab"
BASE_ENV = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "CELERY_BROKER_URL")}


def probe(**env):
    out = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env={**BASE_ENV, "DJANGO_SETTINGS_MODULE": "cms.settings", **env},
        capture_output=True,
        text=True,
    )
    return out


def test_sqlite_and_eager_tasks_by_default():
    result = json.loads(probe().stdout)
    assert result["engine"] == "django.db.backends.sqlite3"
    assert result["name"].endswith("db.sqlite3")
    assert result["eager"] is True
    assert result["demo"] is True


def test_postgresql_and_broker_from_environment():
    result = json.loads(
        probe(
            DATABASE_URL="postgres://postgres@127.0.0.1:5432/designlab",
            CELERY_BROKER_URL="redis://127.0.0.1:6379/0",
        ).stdout
    )
    assert result["engine"] == "django.db.backends.postgresql"
    assert result["name"] == "designlab"
    assert result["eager"] is False


def test_production_without_secret_key_stops_with_a_clear_message():
    out = probe(DEBUG="0", ALLOWED_HOSTS="designlab.example.org")
    assert out.returncode != 0
    assert "SECRET_KEY" in out.stderr


def test_production_without_database_url_stops_with_a_clear_message():
    out = probe(DEBUG="0", ALLOWED_HOSTS="example.org", SECRET_KEY=KEY)
    assert out.returncode != 0
    assert "DATABASE_URL" in out.stderr


def test_production_is_not_demo_mode():
    result = json.loads(
        probe(DEBUG="0", ALLOWED_HOSTS="example.org", SECRET_KEY=KEY, DATABASE_URL=PG).stdout
    )
    assert result["demo"] is False
