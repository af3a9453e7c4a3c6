"""Serve a toolkit theme page with gunicorn and print requests per second and queries.

    .venv/bin/python benchmarks/serve_toolkit_page.py [--requests 2000] [--workers 2]

Builds a throwaway SQLite database with the seed content (or uses DATABASE_URL when
given), starts gunicorn with production settings (DEBUG off) on a free port on
127.0.0.1, warms it, then sends a fixed number of requests: to the page as anonymous
visitors get it (from the page cache) and with a query string (which bypasses the cache,
so the page is built each time). Uses wrk when it is installed, a Python client otherwise.
Stops gunicorn and exits by itself.
"""

import argparse
import http.client
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PATH = "/toolkit/access-to-services/"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prepare_site(env: dict) -> None:
    commands = [["migrate"], ["setup_site"], ["load_asylum_welcome_2023"], ["load_toolkit"],
                ["collectstatic", "--noinput"]]  # fmt: skip
    for command in commands:
        subprocess.run([sys.executable, "manage.py", *command, "-v0"], cwd=ROOT, env=env,
                       check=True, stdout=subprocess.DEVNULL)  # fmt: skip


def query_counts(env: dict) -> tuple[int, int]:
    """Queries for one page view built from scratch, and for one served from the cache."""
    script = f"""
import django; django.setup()
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
cache.clear(); client = Client(HTTP_HOST="localhost")
with CaptureQueriesContext(connection) as built: assert client.get("{PATH}").status_code == 200
with CaptureQueriesContext(connection) as cached: client.get("{PATH}")
print(len(built), len(cached))
"""
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, check=True,
                         capture_output=True, text=True).stdout.split()  # fmt: skip
    return int(out[-2]), int(out[-1])


def wait_until_up(port: int, deadline: float) -> None:
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", PATH)
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not answer in time")


def python_client(port: int, path: str, requests: int, concurrency: int) -> float:
    def one(_):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("GET", path, headers={"Host": "localhost"})
        response = conn.getresponse()
        response.read()
        conn.close()
        if response.status != 200:
            raise SystemExit(f"{path} answered {response.status}")

    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(one, range(requests)))
    return requests / (time.perf_counter() - started)


def wrk(port: int, path: str, seconds: int, concurrency: int) -> float:
    command = ["wrk", "-t1", f"-c{concurrency}", f"-d{seconds}s", f"http://127.0.0.1:{port}{path}"]
    out = subprocess.run(
        command, check=True, capture_output=True, text=True, timeout=seconds + 30
    ).stdout
    line = next(line for line in out.splitlines() if line.startswith("Requests/sec"))
    return float(line.split()[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="toolkit-bench-")
    # Production settings (DEBUG off), served over plain HTTP on the loopback address.
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings", "LOG_LEVEL": "WARNING",
           "DEBUG": "0", "DEMO_MODE": "0", "SECRET_KEY": secrets.token_urlsafe(64),
           "ALLOWED_HOSTS": "127.0.0.1,localhost", "SECURE_SSL_REDIRECT": "0",
           "MEDIA_ROOT": os.path.join(workdir, "media"),
           "STATIC_ROOT": os.path.join(workdir, "static")}  # fmt: skip
    env.setdefault("DATABASE_URL", f"sqlite:///{workdir}/bench.sqlite3")
    print(f"database: {env['DATABASE_URL'].split('@')[-1]}")
    prepare_site(env)
    built, cached = query_counts(env)

    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "cms.wsgi", f"--bind=127.0.0.1:{port}",
         f"--workers={args.workers}", "--log-level=warning"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    try:
        wait_until_up(port, time.monotonic() + 60)
        tool = "wrk" if shutil.which("wrk") else "python client"
        results = {}
        for label, path in [("cached page", PATH), ("page built each time", PATH + "?nocache=1")]:
            for _ in range(args.workers * 4):  # warm every worker's cache and connections
                python_client(port, path, 1, 1)
            if tool == "wrk":
                results[label] = wrk(port, path, 10, args.concurrency)
            else:
                results[label] = python_client(port, path, args.requests, args.concurrency)
        print(f"page: {PATH} · gunicorn {args.workers} sync workers · {tool}, "
              f"{args.concurrency} concurrent, {args.requests} requests per run")  # fmt: skip
        for label, rate in results.items():
            print(f"{label:>22}: {rate:8.1f} requests/s")
        print(f"{'queries':>22}: {built} to build the page, {cached} when served from the cache")
    finally:
        server.terminate()
        server.wait(timeout=20)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
