"""Repeated wrong passwords pause sign-in for that username *from that address* only, for
a cool-off period: someone else's failures cannot lock a real officer out."""

from datetime import timedelta

from axes.models import AccessAttempt
from django.utils import timezone

ATTACKER = "203.0.113.7"
OFFICE = "198.51.100.20"


def attempt(client, password, address, username="officer-barnet"):
    return client.post(
        "/admin/login/",
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
    )


def test_failures_from_one_address_pause_that_username_there(client, barnet_officer, settings):
    statuses = [
        attempt(client, "wrong-password", ATTACKER).status_code
        for _ in range(settings.AXES_FAILURE_LIMIT)
    ]
    assert statuses == [200] * (settings.AXES_FAILURE_LIMIT - 1) + [429]
    # Even the right password is refused from the attacker's address now.
    locked = attempt(client, "designlab-demo", ATTACKER)
    assert locked.status_code == 429
    assert b"Sign-in paused" in locked.content
    assert b"another device or network is not affected" in locked.content
    assert "_auth_user_id" not in client.session


def test_the_real_officer_elsewhere_still_signs_in(client, barnet_officer, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT + 2):
        attempt(client, "wrong-password", ATTACKER)
    response = attempt(client, "designlab-demo", OFFICE)
    assert response.status_code == 302
    assert client.get("/admin/", REMOTE_ADDR=OFFICE).status_code == 200


def test_a_forged_forwarded_for_header_does_not_reset_the_count(client, barnet_officer, settings):
    for n in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            "/admin/login/",
            {"username": "officer-barnet", "password": "wrong-password"},
            REMOTE_ADDR=ATTACKER,
            HTTP_X_FORWARDED_FOR=f"10.0.0.{n}",
        )
    assert attempt(client, "designlab-demo", ATTACKER).status_code == 429


def test_the_pause_ends_after_the_cool_off(client, barnet_officer, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "wrong-password", ATTACKER)
    assert attempt(client, "designlab-demo", ATTACKER).status_code == 429
    # The cool-off passes: the attempts are now older than it.
    AccessAttempt.objects.update(
        attempt_time=timezone.now()
        - settings.AXES_COOLOFF_TIME * timedelta(hours=1)
        - timedelta(minutes=1)
    )
    assert attempt(client, "designlab-demo", ATTACKER).status_code == 302


def test_a_successful_sign_in_clears_earlier_failures(client, barnet_officer, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt(client, "wrong-password", OFFICE)
    assert attempt(client, "designlab-demo", OFFICE).status_code == 302
    client.logout()
    assert attempt(client, "wrong-password", OFFICE).status_code == 200  # not yet paused
