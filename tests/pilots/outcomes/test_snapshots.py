"""Ratings are snapshotted nightly and on demand, so convenors see how they moved."""

from django.urls import reverse
from django_celery_beat.models import PeriodicTask

from designlab.models import OutcomeSnapshot
from pilots import tasks
from pilots.models import Evaluation
from pilots.outcomes.ratings import outcomes_snapshot_take
from tests.refusals import refused


def test_a_snapshot_keeps_the_ratings_of_its_moment(lab, barnet_pilot):
    outcomes_snapshot_take(lab)
    barnet_pilot.evaluations.add(
        Evaluation(method=Evaluation.Method.SURVEY, measures="x", status="complete")
    )
    barnet_pilot.save_revision().publish()
    outcomes_snapshot_take(lab)

    later, earlier = OutcomeSnapshot.objects.filter(lab=lab)
    assert [o["rating_label"] for o in earlier.results] == [
        "Success", "Partial success", "Success",
    ]  # fmt: skip
    assert [o["rating_label"] for o in later.results] == ["Success", "Success", "Success"]


def test_the_nightly_task_snapshots_every_lab_with_outcomes_once_a_day(lab):
    assert tasks.outcomes_snapshot_all() == 1
    assert tasks.outcomes_snapshot_all() == 0  # a retried run adds nothing
    assert OutcomeSnapshot.objects.filter(lab=lab).count() == 1


def test_the_nightly_snapshot_is_scheduled(db):
    task = PeriodicTask.objects.get(name="Nightly outcome snapshots")

    assert task.task == "pilots.tasks.outcomes_snapshot_all"
    assert (task.crontab.hour, task.crontab.minute) == ("2", "30")


def test_a_convenor_takes_a_snapshot_from_the_dashboard(client, convenor, lab):
    client.force_login(convenor)

    response = client.post(reverse("lab_outcomes_snapshot", args=[lab.pk]), follow=True)

    assert OutcomeSnapshot.objects.filter(lab=lab).count() == 1
    assert b"Snapshot of Asylum Welcome Design Lab" in response.content


def test_an_officer_cannot_take_a_snapshot(client, barnet_officer, lab):
    client.force_login(barnet_officer)

    response = client.post(reverse("lab_outcomes_snapshot", args=[lab.pk]))

    assert refused(response)
    assert not OutcomeSnapshot.objects.exists()
