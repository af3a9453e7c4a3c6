"""Celery's settings, kept beside each other with the reason for each (no Django imports:
the settings module uses it)."""

SOFT_TIME_LIMIT = 10 * 60  # every task has a soft and a hard limit: these, or smaller ones
TIME_LIMIT = 11 * 60


def celery_settings(broker_url: str, time_zone: str) -> dict[str, object]:
    """The CELERY_* settings for `broker_url`; none means tasks run in-process, so
    `make run` needs nothing else."""
    return {
        "CELERY_BROKER_URL": broker_url,
        "CELERY_TASK_ALWAYS_EAGER": not broker_url,
        "CELERY_TASK_EAGER_PROPAGATES": True,
        # Our tasks are idempotent: a killed worker's task is redelivered.
        "CELERY_TASK_ACKS_LATE": True,
        "CELERY_TASK_REJECT_ON_WORKER_LOST": True,
        "CELERY_WORKER_PREFETCH_MULTIPLIER": 1,
        "CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP": True,
        # Sending fails within about two seconds when the broker is down (cms.queue records
        # the job as queued) rather than holding the user's request while kombu retries.
        "CELERY_BROKER_CONNECTION_TIMEOUT": 2,
        "CELERY_TASK_SOFT_TIME_LIMIT": SOFT_TIME_LIMIT,
        "CELERY_TASK_TIME_LIMIT": TIME_LIMIT,
        # A task taken by a worker that then vanished is handed out again by Redis after
        # the visibility timeout: longer than any task may run (its hard limit), or a task
        # still running would be run twice at once; not Celery's default hour. Work stopped
        # by a dead worker is usually resumed sooner, by its heartbeat going silent (cms.jobs).
        "CELERY_BROKER_TRANSPORT_OPTIONS": {
            "socket_connect_timeout": 2,
            "socket_timeout": 3,
            "visibility_timeout": TIME_LIMIT + 4 * 60,
        },
        # Imports and exports have a queue of their own, so e-mails and small returns (sent
        # to the default queue, see pilots.tasks.return_queue) never wait behind them. Run a
        # worker for each queue, or one for both: README "Operations".
        "CELERY_TASK_DEFAULT_QUEUE": "celery",
        "CELERY_TASK_ROUTES": {
            "pilots.tasks.import_kpi_return": {"queue": "bulk"},
            "pilots.tasks.lab_export_run": {"queue": "bulk"},
            "pilots.tasks.outcomes_snapshot_all": {"queue": "bulk"},
        },
        "CELERY_TASK_PUBLISH_RETRY_POLICY": {
            "max_retries": 1,
            "interval_start": 0,
            "interval_step": 0.5,
            "interval_max": 0.5,
        },
        "CELERY_BEAT_SCHEDULER": "django_celery_beat.schedulers:DatabaseScheduler",
        "CELERY_TIMEZONE": time_zone,
    }
