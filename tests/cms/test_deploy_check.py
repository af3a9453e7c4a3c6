"""With production settings `check --deploy` finds nothing to warn about, and production
refuses to start on a missing or weak setting instead of inventing one."""

import os
import secrets
import subprocess
import sys

import pytest

from tests.conftest import ROOT

BASE_ENV = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "CELERY_BROKER_URL")}
PRODUCTION = {
    "DEBUG": "0",
    "DEMO_MODE": "0",
    "ALLOWED_HOSTS": "designlab.example.org",
    "SECRET_KEY": secrets.token_urlsafe(64),
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/designlab",
    "CACHE_URL": "redis://127.0.0.1:6379/14",  # shared by every app server (never connected)
}


def manage(*args, **env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**BASE_ENV, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_check_passes_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stderr
    # Nothing but, when the database cannot be read (CI gives a database name that its test
    # runs never create), the note that demo accounts could not be looked for (cms.I001).
    assert "WARNINGS:" not in result.stderr and "ERRORS:" not in result.stderr
    assert "no issues" in result.stdout or "cms.I001" in result.stderr


def test_deploy_check_fails_when_production_hardening_is_switched_off():
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING", **PRODUCTION, SECURE_SSL_REDIRECT="0"
    )
    assert result.returncode != 0
    assert "security.W008" in result.stderr


def test_production_without_allowed_hosts_stops_with_a_clear_message():
    env = {**PRODUCTION}
    del env["ALLOWED_HOSTS"]
    result = manage("check", **env)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


@pytest.mark.parametrize("key", ["too-short", "a" * 64])
def test_production_refuses_a_short_or_repetitive_secret_key(key):
    result = manage("check", **{**PRODUCTION, "SECRET_KEY": key})
    assert result.returncode != 0
    assert "SECRET_KEY must be a random string of at least 50 characters" in result.stderr


def test_a_negative_proxy_count_stops_start_up():
    result = manage("check", **PRODUCTION, PROXY_COUNT="-1")
    assert result.returncode != 0
    assert "PROXY_COUNT must be 0" in result.stderr


def test_deploy_check_warns_when_demo_mode_is_left_on():
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING", **{**PRODUCTION, "DEMO_MODE": "1"}
    )
    assert result.returncode != 0
    assert "cms.W001" in result.stderr and "two-factor" in result.stderr


def test_deploy_check_warns_of_a_cache_in_each_workers_memory():
    env = {**PRODUCTION}
    del env["CACHE_URL"]
    result = manage("check", "--deploy", "--fail-level", "WARNING", **env)
    assert result.returncode != 0
    assert "cms.W002" in result.stderr and "Set CACHE_URL" in result.stderr
