"""Serve the public JSON API with gunicorn and print requests per second, latency and queries.

    .venv/bin/python benchmarks/serve_api.py [--kpis 1000] [--seconds 10] [--workers 2]

Builds a throwaway SQLite database with the seed content plus one large synthetic pilot
(`--kpis` KPIs of 24 monthly readings each, marked illustrative; or uses DATABASE_URL
when given), starts gunicorn with production settings (DEBUG off) on a free port on
127.0.0.1, and drives each API URL with wrk for a fixed time: once as clients get it
(answered from the cache after the first request) and once with a dummy cache, so the
response is built each time. Stops gunicorn and exits by itself.
"""

import argparse
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from serve_toolkit_page import free_port, prepare_site, wait_until_up

ROOT = Path(__file__).resolve().parent.parent
PATHS = ["/api/v1/kpis/", "/api/v1/pilots/"]


def large_pilot_add(env: dict, kpis: int) -> None:
    script = f"""
import django; django.setup()
from pilots.seed.synthetic import Size, statistics_refresh, synthetic_seed
synthetic_seed(Size(authorities=1, pilots_per=1, kpis_per={kpis}), slug="synthetic-api")
statistics_refresh()
"""
    subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, check=True)


def query_counts(env: dict) -> dict[str, int]:
    """Queries to build each response from scratch."""
    script = f"""
import django; django.setup()
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
client = Client(HTTP_HOST="localhost")
for path in {PATHS!r}:
    cache.clear()
    with CaptureQueriesContext(connection) as built:
        assert client.get(path).status_code == 200
    print(len(built))
"""
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, check=True,
                         capture_output=True, text=True).stdout.split()  # fmt: skip
    return dict(zip(PATHS, map(int, out[-len(PATHS) :]), strict=True))


def wrk(port: int, path: str, seconds: int, concurrency: int) -> tuple[float, str]:
    """Requests per second and the median latency as wrk prints it."""
    command = ["wrk", "-t1", f"-c{concurrency}", f"-d{seconds}s", "--latency", "--timeout=60s",
               "-H", "Host: localhost", f"http://127.0.0.1:{port}{path}"]  # fmt: skip
    out = subprocess.run(
        command, check=True, capture_output=True, text=True, timeout=seconds + 90
    ).stdout
    if "Non-2xx" in out:
        raise SystemExit(f"{path}: some responses were not 200\n{out}")
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    return rate, re.search(r"^\s+50%\s+(\S+)", out, re.MULTILINE).group(1)


def serve(env: dict, workers: int):
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "cms.wsgi", f"--bind=127.0.0.1:{port}",
         f"--workers={workers}", "--timeout=120", "--log-level=warning"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    wait_until_up(port, time.monotonic() + 60)
    return server, port


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kpis", type=int, default=1000)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("This benchmark needs wrk (apt-get install wrk).")

    workdir = tempfile.mkdtemp(prefix="api-bench-")
    # Production settings (DEBUG off), served over plain HTTP on the loopback address.
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings", "LOG_LEVEL": "WARNING",
           "DEBUG": "0", "DEMO_MODE": "0", "SECRET_KEY": secrets.token_urlsafe(64),
           "ALLOWED_HOSTS": "127.0.0.1,localhost", "SECURE_SSL_REDIRECT": "0",
           "MEDIA_ROOT": os.path.join(workdir, "media"),
           "STATIC_ROOT": os.path.join(workdir, "static")}  # fmt: skip
    env.setdefault("DATABASE_URL", f"sqlite:///{workdir}/bench.sqlite3")
    print(f"database: {env['DATABASE_URL'].split('@')[-1]}")
    try:
        prepare_site(env)
        large_pilot_add(env, args.kpis)
        queries = query_counts(env)
        print(f"data: the 2023 Lab plus one synthetic pilot with {args.kpis} KPIs "
              f"x 24 readings · gunicorn {args.workers} sync workers · wrk, "
              f"{args.concurrency} connections, {args.seconds} s per run")  # fmt: skip
        for label, cache_url in [("cached", None), ("built each time", "dummycache://")]:
            run_env = {**env, "CACHE_URL": cache_url} if cache_url else env
            server, port = serve(run_env, args.workers)
            try:
                for path in PATHS:
                    rate, p50 = wrk(port, path, args.seconds, args.concurrency)
                    print(f"{path:>16} {label:>16}: {rate:8.1f} requests/s, p50 {p50:>8}, "
                          f"{queries[path]} queries to build")  # fmt: skip
            finally:
                server.terminate()
                server.wait(timeout=30)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
