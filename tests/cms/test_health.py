"""`/health/` tells a load balancer and an operator whether the database, cache, broker and
workers answer; a broker outage is reported quickly as "degraded", never a hang or a crash."""

import json
import os
import subprocess
import sys
import time

import pytest

from tests.conftest import ROOT, broker_url

PROBE = """
import json, time, django
django.setup()
from django.test import Client
started = time.monotonic()
response = Client().get("/health/")
print(json.dumps({"code": response.status_code, "body": response.json(),
                  "seconds": time.monotonic() - started}))
"""


def health_in_process_with(tmp_path, broker):
    """Ask /health/ in a fresh process configured with `broker` (settings are read once)."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings", "CELERY_BROKER_URL": broker,
           "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}"}  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.django_db
def test_everything_up_without_a_broker(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0")
    body = response.json()
    if broker_url():
        pytest.skip("a broker is configured for this run: see the worker test")
    assert body["status"] == "ok"
    assert body["checks"]["database"] == {"ok": True}
    assert body["checks"]["cache"] == {"ok": True}
    assert body["checks"]["broker"]["detail"] == "no broker: tasks run in-process"


def test_broker_down_is_reported_quickly_as_degraded(tmp_path):
    answer = health_in_process_with(tmp_path, "redis://user:s3cret@127.0.0.1:1/0")
    assert answer["code"] == 200  # pages still work: tasks wait until the broker is back
    body = answer["body"]
    assert body["status"] == "degraded"
    assert body["checks"]["database"]["ok"] and body["checks"]["cache"]["ok"]
    assert body["checks"]["broker"]["ok"] is False
    # Refused at once, or (on a loaded machine) still trying when the check's deadline came.
    assert body["checks"]["broker"]["detail"].startswith(("unreachable", "no answer within"))
    assert body["checks"]["worker"] == {"ok": False, "detail": "unknown: the broker is down"}
    assert answer["seconds"] < 3
    assert "s3cret" not in json.dumps(body) and "127.0.0.1" not in json.dumps(body)


def test_database_down_answers_503(tmp_path):
    # A database file in a directory that does not exist cannot be opened.
    env_db = tmp_path / "missing" / "db.sqlite3"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings",
           "DATABASE_URL": f"sqlite:///{env_db}", "CELERY_BROKER_URL": ""}  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=60,
    )  # fmt: skip
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer["code"] == 503
    assert answer["body"]["status"] == "down"
    assert answer["body"]["checks"]["database"]["ok"] is False


def test_no_worker_running_is_reported(tmp_path):
    if not broker_url():
        pytest.skip("needs a real broker (CELERY_BROKER_URL)")
    body = health_in_process_with(tmp_path, broker_url())["body"]
    assert body["checks"]["broker"] == {"ok": True}
    assert body["checks"]["worker"]["ok"] is False
    assert body["status"] == "degraded"


def test_a_running_worker_is_reported(client, celery_worker_process):
    deadline = time.monotonic() + 30
    while True:
        body = client.get("/health/").json()
        if body["checks"]["worker"]["ok"] or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    assert body["checks"]["worker"] == {"ok": True, "detail": "a worker answered"}
    assert body["status"] == "ok"
