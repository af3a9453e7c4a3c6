"""When the broker is down, sending a task fails fast and is reported as "left queued"
instead of crashing or holding the user's request; after a commit too."""

import json
import os
import socket
import subprocess
import sys
import threading

from tests.conftest import ROOT

PROBE = """
import json, sys, time, django
django.setup()
from django.db import transaction
from cms.queue import enqueue_on_commit, send
from cms.tasks import ping

started = time.monotonic()
sent = send(ping)
send_seconds = time.monotonic() - started
if sys.argv[1:] == ["on-commit"]:
    with transaction.atomic():
        enqueue_on_commit(ping)  # the send after commit must not raise either
print(json.dumps({"sent": sent, "seconds": send_seconds}))
"""


def send_with_broker(url, *args):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings", "CELERY_BROKER_URL": url}
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1]), result.stderr


def test_an_unreachable_broker_is_reported_at_once():
    # Nothing listens on port 1.
    answer, log = send_with_broker("redis://127.0.0.1:1/0", "on-commit")
    assert answer["sent"] is False
    assert answer["seconds"] < 3
    assert "broker unavailable: cms.tasks.ping() left queued" in log


def test_a_broker_that_never_answers_does_not_hang_the_request():
    # A port that accepts connections and then says nothing, like a wedged Redis.
    listener = socket.create_server(("127.0.0.1", 0))
    accepted = []
    stop = threading.Event()

    def accept():
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        port = listener.getsockname()[1]
        answer, _ = send_with_broker(f"redis://127.0.0.1:{port}/0")
    finally:
        stop.set()
        thread.join()
        for connection in accepted:
            connection.close()
        listener.close()
    assert accepted, "the client did reach the silent broker"
    assert answer["sent"] is False
    assert answer["seconds"] < 8  # bounded by the socket timeouts in settings
