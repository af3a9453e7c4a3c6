"""The broker (a redis-server of this test's own) is stopped when a return is uploaded,
then started again. Meanwhile the status page says the job queue could not be reached;
the return is imported within two minutes of the broker coming back. Real worker,
PostgreSQL: runs on PostgreSQL runs with redis-server installed only."""

import shutil
import socket
import subprocess
import time

import pytest
from django.db import connection
from django.urls import reverse

from pilots.models import ReturnUpload
from tests.conftest import worker_env, worker_start, worker_stop
from tests.pilots.readings.review_helpers import reopened
from tests.pilots.returns.faults import (
    BOUND,
    OCT,
    RECOVERY,
    quarterly_kpi,
    return_sent,
    until_imported,
)

pytestmark = [pytest.mark.slow]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def redis_start(port: int) -> subprocess.Popen:
    server = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
         "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 10
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return server
        except OSError:
            assert time.monotonic() < deadline, "redis-server did not start"
            time.sleep(0.1)


@pytest.fixture
def own_broker(transactional_db, django_db_serialized_rollback, settings, monkeypatch):
    """A redis-server on a spare port that the test can stop and start, used by a real
    worker and by this process."""
    import kombu.pools

    from cms.celery_app import app

    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed: the broker cannot be stopped and started")
    if connection.vendor != "postgresql":
        pytest.skip("a worker process needs a shared database (PostgreSQL)")
    port = free_port()
    url = f"redis://127.0.0.1:{port}/0"
    servers = [redis_start(port)]
    worker = worker_start(worker_env(settings, url))

    def pools_reset():
        kombu.pools.reset()
        app._pool = None
        app.amqp._producer_pool = None

    saved = app.conf.task_always_eager, app.conf.broker_url
    monkeypatch.setenv("CELERY_BROKER_URL", url)  # Celery reads the environment first
    app.conf.task_always_eager, app.conf.broker_url = False, url
    pools_reset()

    def stop() -> None:
        servers[-1].terminate()
        servers[-1].wait()

    def start() -> None:
        servers.append(redis_start(port))

    try:
        yield stop, start
    finally:
        app.conf.task_always_eager, app.conf.broker_url = saved
        pools_reset()
        worker_stop(worker)
        for server in servers:
            server.terminate()
            server.wait()


def test_a_return_sent_while_the_broker_is_down_is_imported_when_it_is_back(
    own_broker, client, capsys
):
    stop, start = own_broker
    kpi = quarterly_kpi()
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username="officer-barnet"))
    stop()
    reopened(kpi.readings.filter(period_start=OCT))  # approved when seeded
    upload = return_sent(kpi, 4343)
    upload.refresh_from_db()
    assert (upload.status, upload.sent_at) == (ReturnUpload.Status.QUEUED, None)
    page = client.get(reverse("pilots_return_status", args=[upload.pk])).content.decode()
    assert "the job queue could not be reached" in page
    time.sleep(5)  # the outage; the worker is trying to reconnect meanwhile

    start()
    seen: list[str] = []
    recovered = until_imported(upload, seen=seen)

    upload.refresh_from_db()
    assert (upload.status, upload.updated, upload.attempts) == ("done", 1, 1)
    assert upload.sent_at is not None
    assert recovered < BOUND
    assert seen[0].startswith("Waiting since"), seen
    with capsys.disabled():
        print(f"\nbroker down when sent: imported {recovered:.1f} s after it was back "
              f"(goal < {RECOVERY} s; 712 s before); statuses seen: {seen}")  # fmt: skip
