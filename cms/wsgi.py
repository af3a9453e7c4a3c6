import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings")
application = get_wsgi_application()

# The garbage collector, tuned for requests that make many objects: the national dashboard
# makes hundreds of thousands after a change. What is loaded by now (every app, model and
# module) lives as long as the process, so it is frozen out of the collector's sight; and
# collections run after 50,000 new objects rather than 700, so one request is not walked
# over again and again. Measured by benchmarks/dashboard.py (README, performance figures).
gc.freeze()
gc.set_threshold(50_000, 20, 100)
