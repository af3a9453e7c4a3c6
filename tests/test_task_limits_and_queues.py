"""Every task has a soft and a hard time limit within Redis's visibility timeout (a task
still running is never handed to a second worker); imports and exports go to the "bulk"
queue and everything else, small returns included, to the default queue, so e-mails and
small returns never wait behind them; the requeue tasks run often enough to resume work
within two minutes."""

from django.conf import settings
from django.core.files.base import ContentFile

from cms.celery_app import app
from pilots import tasks
from pilots.models import ReturnUpload


def our_tasks() -> dict:
    app.loader.import_default_modules()
    return {n: t for n, t in app.tasks.items() if n.startswith(("pilots.", "cms."))}


def test_every_task_has_time_limits_within_the_visibility_timeout():
    visibility = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
    assert len(our_tasks()) >= 9
    for name, task in our_tasks().items():
        soft = task.soft_time_limit or app.conf.task_soft_time_limit
        hard = task.time_limit or app.conf.task_time_limit
        assert soft and hard and soft < hard < visibility, name
    assert visibility < 60 * 60  # not Celery's default hour


def queue_of(name: str, **options) -> str:
    return app.amqp.router.route(options, name, (), {})["queue"].name


def test_imports_and_exports_go_to_the_bulk_queue():
    assert queue_of("pilots.tasks.import_kpi_return") == "bulk"
    assert queue_of("pilots.tasks.lab_export_run") == "bulk"
    for name in ("pilots.tasks.reminders_send", "pilots.tasks.roundup_send", "cms.tasks.ping",
                 "pilots.tasks.returns_requeue", "pilots.tasks.exports_requeue"):  # fmt: skip
        assert queue_of(name) == "celery", name


def test_a_small_return_goes_ahead_of_the_bulk_work(barnet_pilot):
    small = ReturnUpload(borough=barnet_pilot.borough)
    small.file.save("r.csv", ContentFile(b"x" * 1000), save=False)
    large = ReturnUpload(borough=barnet_pilot.borough)
    large.file.save("r.csv", ContentFile(b"x" * (tasks.SMALL_RETURN_BYTES + 1)), save=False)
    try:
        assert queue_of(tasks.import_kpi_return.name, queue=tasks.return_queue(small)) == "celery"
        assert queue_of(tasks.import_kpi_return.name, queue=tasks.return_queue(large)) == "bulk"
    finally:
        small.file.delete(save=False)
        large.file.delete(save=False)


def test_the_requeue_tasks_run_every_20_seconds(db):
    from django_celery_beat.models import PeriodicTask

    for name in ("pilots.tasks.returns_requeue", "pilots.tasks.exports_requeue"):
        periodic = PeriodicTask.objects.get(task=name)
        assert (periodic.interval.every, periodic.interval.period, periodic.crontab) == (
            20, "seconds", None,
        )  # fmt: skip
