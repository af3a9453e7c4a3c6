"""Time /health/ on gunicorn: how long a load balancer's probe waits when all is well.

    .venv/bin/python benchmarks/health_timing.py [--probes 30]

Migrates a throwaway SQLite database (or uses DATABASE_URL), starts gunicorn with production
settings on a free port on 127.0.0.1 and, when CELERY_BROKER_URL is set, a Celery worker,
then sends probes one after another and prints the median and slowest answer. With a broker
but the worker stopped, the probe pays the worker ping's reply window once, then reuses the
answer for a few seconds. (The answer with the database silent is measured by
tests/cms/test_health_silent_database.py, which prints it.)
"""

import argparse
import os
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from serve_toolkit_page import ROOT, gunicorn

GOAL_SECONDS = 0.1


def health(port: int) -> tuple[int, bytes]:
    url = f"http://127.0.0.1:{port}/health/"
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:  # noqa: S310 - a local server
            return answer.status, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def probe(port: int) -> tuple[int, float]:
    started = time.perf_counter()
    status, _ = health(port)
    return status, time.perf_counter() - started


def probes(port: int, count: int) -> tuple[list[int], list[float]]:
    answers = [probe(port) for _ in range(count)]
    return [status for status, _ in answers], [seconds for _, seconds in answers]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--probes", type=int, default=30)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="health-bench-"))
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings", "LOG_LEVEL": "ERROR",
           "DEBUG": "0", "DEMO_MODE": "0", "SECRET_KEY": secrets.token_urlsafe(64),
           "ALLOWED_HOSTS": "127.0.0.1", "SECURE_SSL_REDIRECT": "0",
           "MEDIA_ROOT": str(workdir / "media"),
           "PRIVATE_MEDIA_ROOT": str(workdir / "private")}  # fmt: skip
    env.setdefault("DATABASE_URL", f"sqlite:///{workdir}/bench.sqlite3")
    broker = env.get("CELERY_BROKER_URL", "")
    processes, rows = [], []
    try:
        subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env,
                       check=True)  # fmt: skip
        server, port = gunicorn(["cms.wsgi"], env, 1, ROOT)
        processes.append(server)
        worker = None
        if broker:
            worker = subprocess.Popen(
                [sys.executable, "-m", "celery", "-A", "cms", "worker", "--pool=solo",
                 "--loglevel=ERROR", "--without-heartbeat", "--without-gossip",
                 "--without-mingle"], cwd=ROOT, env=env,
            )  # fmt: skip
            processes.append(worker)
        deadline = time.monotonic() + 60
        while True:  # up, and (with a broker) a worker answering
            try:
                status, body = health(port)
                if status == 200 and (not broker or b'"worker": {"ok": true' in body):
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit("gunicorn (or the worker) did not come up in time")
            time.sleep(0.5)
        what = "database, cache, broker and a worker" if broker else "database and cache"
        statuses, seconds = probes(port, args.probes)
        before = "before: 1.0 s with a worker (the ping waited its whole timeout)"
        rows.append((f"all well ({what})", statuses, seconds, before))
        if worker is not None:
            worker.terminate()
            worker.wait(timeout=30)
            time.sleep(11)  # let the remembered answer expire
            statuses, seconds = probes(port, args.probes)
            rows.append(("broker up, no worker", statuses, seconds,
                         "before: 1.0 s on every probe"))  # fmt: skip
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=30)
        shutil.rmtree(workdir, ignore_errors=True)

    print(
        f"/health/ · gunicorn 1 sync worker · {args.probes} probes one after another · "
        f"database {env['DATABASE_URL'].split(':')[0]} · broker {broker.split(':')[0] or 'none'}"
    )
    print(f"  {'case':<50}{'status':<10}{'median':<10}{'slowest':<10}{'reference':<66}goal")
    for label, statuses, times, reference in rows:
        status = "/".join(str(s) for s in sorted(set(statuses)))
        print(f"  {label:<50}{status:<10}{statistics.median(times):<10.3f}{max(times):<10.3f}"
              f"{reference:<66}median < {GOAL_SECONDS} s")  # fmt: skip


if __name__ == "__main__":
    main()
