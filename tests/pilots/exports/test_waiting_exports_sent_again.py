"""An export left waiting (the broker was down, or its worker died) is sent again by the
beat task, once; one just asked for is given its chance first."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from designlab.models import Export
from pilots.tasks import exports_requeue


def test_a_waiting_export_is_sent_again_and_finished(lab, convenor, tasks_in_process):
    export = Export.objects.create(lab=lab, requested_by=convenor)
    assert exports_requeue() == 0  # just asked for
    Export.objects.filter(pk=export.pk).update(created_at=timezone.now() - dt.timedelta(minutes=1))

    assert exports_requeue() == 1
    export.refresh_from_db()
    assert export.status == Export.Status.READY and export.file
    assert exports_requeue() == 0


def test_the_page_says_what_a_waiting_export_waits_for(client, lab, convenor):
    export = Export.objects.create(lab=lab, requested_by=convenor)
    client.force_login(convenor)
    page = client.get(reverse("lab_exports")).content.decode()
    assert "the job queue could not be reached" in page
    Export.objects.filter(pk=export.pk).update(sent_at=timezone.now())
    page = client.get(reverse("lab_exports")).content.decode()
    since = timezone.localtime(export.created_at).strftime("%H:%M")
    assert f"Waiting for a worker since {since}." in page
