"""A task sent through the broker is answered by a real worker process."""

import pytest

from cms.tasks import ping


def test_task_runs_in_a_real_worker_process(celery_worker_process):
    result = ping.delay()
    assert result.get(timeout=60) == "pong"
    assert celery_worker_process.poll() is None  # the worker, not this process, answered


def test_without_broker_tasks_run_in_process(settings):
    from cms.celery_app import app

    if not app.conf.task_always_eager:
        pytest.skip("a broker is configured for this run; the test above covers it")
    assert ping.delay().get() == "pong"
