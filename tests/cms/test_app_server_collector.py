"""The app server loads the site with the garbage collector tuned for large requests
(cms/wsgi.py): without it, the national dashboard after a change spends a fifth of its time
collecting (benchmarks/dashboard.py)."""

import subprocess
import sys

from django.conf import settings


def test_the_app_freezes_what_it_loaded_and_collects_less_often():
    said = subprocess.run(
        [sys.executable, "-c",
         "import gc, cms.wsgi; print(gc.get_freeze_count(), gc.get_threshold()[0])"],
        capture_output=True, text=True, check=True, cwd=settings.BASE_DIR,
    ).stdout.split()  # fmt: skip
    frozen, threshold = map(int, said)
    assert frozen > 100_000  # every app, model and module loaded at start
    assert threshold == 50_000
