"""`/health/`: whether the database, cache, broker and workers answer, as JSON.

HTTP 503 when the database or cache fails: this app server cannot serve and a load balancer
should take it out. A broker or worker outage is reported as "degraded" with HTTP 200: pages
still work and tasks wait in the queue (see cms.queue), so taking every server out would
turn a delay into an outage. Details name what failed, never addresses or credentials.

Each check runs in its own thread with its own deadline, so a database that stops answering
costs one timeout, not a hung worker. A check still hanging from an earlier request is not
started again (one stuck thread per check at most). /health/ is answered by a middleware
ahead of sessions and authentication: a request with a login cookie must not need the
database to be told that the database is down.
"""

import secrets
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout

from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.cache import add_never_cache_headers

from cms.celery_app import app

PATH = "/health/"
TIMEOUT = 1.0  # seconds for every check to answer, all running at once
WORKER_REPLY_WINDOW = 1.0  # seconds to wait for a first worker's pong when none answers
WORKER_ANSWER_KEPT = 10.0  # seconds a worker's answer is remembered: pinging costs a broadcast


def database_check() -> dict:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    finally:
        connection.close()  # this thread's own connection: never left open between checks
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


_last_worker_answer: tuple[float, dict] | None = None


def worker_check() -> dict:
    """Whether any worker answers a ping. Returns at the first pong (limit=1) rather than
    waiting out the reply window, and the answer is reused for a few seconds."""
    global _last_worker_answer
    if app.conf.task_always_eager:
        return {"ok": True, "detail": "no broker: tasks run in-process"}
    if _last_worker_answer and time.monotonic() - _last_worker_answer[0] < WORKER_ANSWER_KEPT:
        return _last_worker_answer[1]
    if app.control.ping(timeout=WORKER_REPLY_WINDOW, limit=1):
        answer = {"ok": True, "detail": "a worker answered"}
    else:
        answer = {"ok": False, "detail": "no worker answered; tasks wait in the queue"}
    _last_worker_answer = (time.monotonic(), answer)
    return answer


CHECKS = {"database": database_check, "cache": cache_check, "broker": broker_check,
          "worker": worker_check}  # fmt: skip
ESSENTIAL = {"database", "cache"}

_pool = ThreadPoolExecutor(max_workers=len(CHECKS), thread_name_prefix="health")
_running: dict[str, Future] = {}
_running_lock = threading.Lock()


def _guarded(name: str) -> dict:
    try:
        return CHECKS[name]()
    except Exception as error:  # noqa: BLE001 - any failure is the answer, not a crash
        return {"ok": False, "detail": f"unreachable ({type(error).__name__})"}


def checks_run() -> dict[str, dict]:
    """Every check's answer, each given TIMEOUT seconds from the start."""
    with _running_lock:
        for name in CHECKS:
            if name not in _running or _running[name].done():
                _running[name] = _pool.submit(_guarded, name)
        futures = dict(_running)
    deadline = time.monotonic() + TIMEOUT
    results = {}
    for name, future in futures.items():
        try:
            results[name] = future.result(timeout=max(0.0, deadline - time.monotonic()))
        except FutureTimeout:
            results[name] = {"ok": False, "detail": f"no answer within {TIMEOUT:g} s"}
    if not results["broker"]["ok"]:
        results["worker"] = {"ok": False, "detail": "unknown: the broker is down"}
    return results


def health(request: HttpRequest) -> JsonResponse:
    results = checks_run()
    failed = {name for name, result in results.items() if not result["ok"]}
    status = "down" if failed & ESSENTIAL else "degraded" if failed else "ok"
    response = JsonResponse(
        {"status": status, "checks": results}, status=503 if status == "down" else 200
    )
    add_never_cache_headers(response)
    return response


class HealthMiddleware:
    """Answer /health/ before sessions, authentication, CSRF and host checks run (a load
    balancer probes by address), so it needs nothing but the checks themselves."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info == PATH:
            return health(request)
        return self.get_response(request)
