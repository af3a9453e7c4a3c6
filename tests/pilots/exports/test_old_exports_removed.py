"""Exports copy officers' records: they are removed after a week, files and all."""

import datetime as dt

from django.core.files.base import ContentFile
from django.utils import timezone
from django_celery_beat.models import PeriodicTask

from designlab.models import Export
from pilots import tasks


def _export(lab, user, days_old):
    export = Export.objects.create(lab=lab, requested_by=user, status=Export.Status.READY)
    export.file.save(f"old-{days_old}.xlsx", ContentFile(b"x"))
    Export.objects.filter(pk=export.pk).update(
        created_at=timezone.now() - dt.timedelta(days=days_old)
    )
    return export


def test_exports_older_than_a_week_are_removed_with_their_files(lab, convenor, tasks_in_process):
    old, recent = _export(lab, convenor, days_old=8), _export(lab, convenor, days_old=1)
    storage = old.file.storage

    assert tasks.exports_prune() == 1

    assert list(Export.objects.all()) == [recent]
    assert not storage.exists(old.file.name) and storage.exists(recent.file.name)


def test_the_removal_is_scheduled_nightly(db):
    task = PeriodicTask.objects.get(name="Nightly removal of old exports")

    assert task.task == "pilots.tasks.exports_prune"
