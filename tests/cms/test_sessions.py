"""Sessions: a new session key at sign-in, signed out after a period of inactivity and in
any case after an absolute lifetime; deactivating a user ends their sessions at once."""

import time

from django.contrib.sessions.models import Session

from cms.sessions import SEEN_AT, SIGNED_IN_AT


def sign_in(client):
    return client.post(
        "/admin/login/", {"username": "officer-barnet", "password": "designlab-demo"}
    )


def age_session(client, **seconds_ago):
    session = client.session
    for key, ago in seconds_ago.items():
        session[key] = time.time() - ago
    session.save()


def test_signing_in_gives_a_new_session_key(client, barnet_officer):
    client.get("/admin/login/")
    client.cookies["sessionid"] = "attacker-chosen-session-key"
    before = client.session.session_key
    assert sign_in(client).status_code == 302
    after = client.cookies["sessionid"].value
    assert after not in (before, "attacker-chosen-session-key")
    assert client.get("/admin/").status_code == 200


def test_an_idle_session_is_signed_out(client, barnet_officer, settings):
    sign_in(client)
    age_session(client, **{SEEN_AT: settings.SESSION_IDLE_TIMEOUT - 60})
    assert client.get("/admin/").status_code == 200  # still within the idle timeout
    age_session(client, **{SEEN_AT: settings.SESSION_IDLE_TIMEOUT + 1})
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    page = client.get(response["Location"])
    assert b"signed out after a period of inactivity" in page.content


def test_an_active_session_still_ends_at_its_absolute_lifetime(client, barnet_officer, settings):
    sign_in(client)
    # Busy all day: seen a moment ago, but signed in longer ago than the lifetime allows.
    age_session(client, **{SEEN_AT: 5, SIGNED_IN_AT: settings.SESSION_ABSOLUTE_LIFETIME + 1})
    response = client.get("/admin/")
    assert response.status_code == 302
    assert b"reached its time limit" in client.get(response["Location"]).content


def test_activity_keeps_a_session_alive(client, barnet_officer, settings):
    sign_in(client)
    age_session(client, **{SEEN_AT: settings.SESSION_IDLE_TIMEOUT - 10})
    assert client.get("/admin/").status_code == 200  # this request counts as activity
    assert time.time() - client.session[SEEN_AT] < 5


def test_deactivating_a_user_ends_their_sessions(client, barnet_officer, convenor):
    sign_in(client)
    assert client.get("/admin/").status_code == 200
    session_key = client.cookies["sessionid"].value
    other = client.__class__()
    other.force_login(convenor)  # someone else's session is left alone

    barnet_officer.is_active = False
    barnet_officer.save()
    assert not Session.objects.filter(session_key=session_key).exists()
    assert other.get("/admin/").status_code == 200

    # Reactivating the account later does not bring the old session back.
    barnet_officer.is_active = True
    barnet_officer.save()
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
