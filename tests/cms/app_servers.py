"""Real app servers for tests the test client cannot stand in for: gunicorn processes on free
loopback ports sharing this run's PostgreSQL database, and a TCP proxy that can fall silent
between an app server and PostgreSQL."""

import contextlib
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator

import pytest
import requests

from tests.conftest import ROOT, broker_url


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def shared_services() -> dict[str, str]:
    """Settings for app servers that share this test run's PostgreSQL database and a Redis
    (the broker's server and database number; tasks still run in-process). Skips the test
    on SQLite runs or without Redis."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("app servers share a PostgreSQL database; this run uses SQLite")
    if not broker_url().startswith("redis://"):
        pytest.skip("app servers share a Redis cache: set CELERY_BROKER_URL=redis://…")
    db = connection.settings_dict
    return {
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "CACHE_URL": broker_url(),
        "CELERY_BROKER_URL": "",
    }


def page_cache_clear(redis_url: str) -> None:
    """Forget pages cached by earlier runs in the shared Redis."""
    import redis

    client = redis.Redis.from_url(redis_url)
    for key in client.scan_iter(match=":1:toolkit:*"):
        client.delete(key)


@contextlib.contextmanager
def app_server(settings: dict[str, str], workers: int = 1) -> Iterator[str]:
    """A gunicorn process with `settings` over the environment; yields its base URL. Runs
    with DEBUG on so that session cookies travel over plain HTTP (demo mode, no two-factor)."""
    port = free_port()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings", "DEBUG": "1",
           "LOG_LEVEL": "WARNING", **settings}  # fmt: skip
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "cms.wsgi", f"--bind=127.0.0.1:{port}",
         f"--workers={workers}", "--timeout=30", "--log-level=warning"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                requests.get(f"{base}/health/", timeout=10)
                break
            except (requests.ConnectionError, requests.Timeout):
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("the app server did not start") from None
                time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


def sign_in(browser: requests.Session, base: str, username: str, password: str):
    """Post the admin's sign-in form as a browser does (CSRF token from the form's cookie)."""
    browser.get(f"{base}/admin/login/", timeout=10)
    return browser.post(
        f"{base}/admin/login/",
        data={"username": username, "password": password, "next": "/admin/",
              "csrfmiddlewaretoken": browser.cookies["csrftoken"]},
        headers={"Referer": f"{base}/admin/login/"},
        allow_redirects=False, timeout=10,
    )  # fmt: skip


class SilentProxy:
    """A TCP proxy to `upstream`. `silence()` makes it stop forwarding in both directions
    while keeping every connection open and accepting new ones: to its clients, a database
    that has stopped answering. `resume()` forwards again."""

    def __init__(self, upstream: tuple[str, int]):
        self.upstream = upstream
        self.silent = threading.Event()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.sockets: list[socket.socket] = []
        self.closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def silence(self) -> None:
        self.silent.set()

    def resume(self) -> None:
        self.silent.clear()

    def close(self) -> None:
        self.closed = True
        self.listener.close()
        for sock in self.sockets:
            with contextlib.suppress(OSError):
                sock.close()

    def _accept(self) -> None:
        while not self.closed:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            self.sockets.append(client)
            threading.Thread(target=self._connect, args=(client,), daemon=True).start()

    def _connect(self, client: socket.socket) -> None:
        while self.silent.is_set() and not self.closed:
            time.sleep(0.05)  # a new connection is accepted, then nothing happens
        try:
            upstream = socket.create_connection(self.upstream)
        except OSError:
            client.close()
            return
        self.sockets.append(upstream)
        threading.Thread(target=self._pump, args=(client, upstream), daemon=True).start()
        threading.Thread(target=self._pump, args=(upstream, client), daemon=True).start()

    def _pump(self, source: socket.socket, target: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                if not self.silent.is_set():  # silent: received, never passed on
                    target.sendall(data)
        except OSError:
            pass
        with contextlib.suppress(OSError):
            target.shutdown(socket.SHUT_WR)
