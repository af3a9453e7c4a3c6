"""`/health/`: whether the database, cache, broker and workers answer, as JSON.

HTTP 503 when the database or cache fails: this app server cannot serve and a load balancer
should take it out. A broker or worker outage is reported as "degraded" with HTTP 200: pages
still work and tasks wait in the queue (see cms.queue), so taking every server out would
turn a delay into an outage. Details name what failed, never addresses or credentials.
"""

import secrets

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from cms.celery_app import app

TIMEOUT = 1.0  # seconds per check: a health check must answer quickly even when things hang


def database_check() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"ok": True}


def cache_check() -> dict:
    token = secrets.token_hex(8)
    cache.set("health-check", token, 30)
    if cache.get("health-check") != token:
        return {"ok": False, "detail": "a value written could not be read back"}
    return {"ok": True}


def broker_check() -> dict:
    if app.conf.task_always_eager:
        return {"ok": True, "detail": "no broker: tasks run in-process"}
    with app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, interval_start=0, timeout=TIMEOUT)
    return {"ok": True}


def worker_check() -> dict:
    if app.conf.task_always_eager:
        return {"ok": True, "detail": "no broker: tasks run in-process"}
    replies = app.control.ping(timeout=TIMEOUT)
    if not replies:
        return {"ok": False, "detail": "no worker answered; tasks wait in the queue"}
    return {"ok": True, "workers": len(replies)}


CHECKS = {"database": database_check, "cache": cache_check, "broker": broker_check,
          "worker": worker_check}  # fmt: skip
ESSENTIAL = {"database", "cache"}


def run_check(name: str) -> dict:
    try:
        return CHECKS[name]()
    except Exception as error:  # noqa: BLE001 - any failure is the answer, not a crash
        return {"ok": False, "detail": f"unreachable ({type(error).__name__})"}


@never_cache
def health(request):
    results = {}
    for name in CHECKS:
        if name == "worker" and not results["broker"]["ok"]:
            results[name] = {"ok": False, "detail": "unknown: the broker is down"}
        else:
            results[name] = run_check(name)
    failed = {name for name, result in results.items() if not result["ok"]}
    status = "down" if failed & ESSENTIAL else "degraded" if failed else "ok"
    body = {"status": status, "checks": results}
    return JsonResponse(body, status=503 if status == "down" else 200)
