"""Behind a reverse proxy (PROXY_COUNT=1) every request reaches the app from the proxy's
address, so throttling must key on the client address the proxy forwards: an attacker's
failures must not pause the real officer signing in through the same proxy, and the
attacker cannot escape the pause by forging X-Forwarded-For."""

import pytest

from cms.proxies import client_address_settings

PROXY = "10.0.0.2"  # REMOTE_ADDR of every request: the proxy's address
ATTACKER = "203.0.113.7"
OFFICE = "198.51.100.20"


@pytest.fixture(autouse=True)
def one_proxy(settings):
    settings.PROXY_COUNT = 1
    for name, value in client_address_settings(1).items():
        setattr(settings, name, value)


def attempt(client, password, forwarded_for):
    """A sign-in through the proxy, which appends the address it was reached from."""
    return client.post(
        "/admin/login/",
        {"username": "officer-barnet", "password": password, "next": "/admin/"},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


def test_an_attacker_behind_the_same_proxy_cannot_lock_the_officer_out(
    client, barnet_officer, settings
):
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        attempt(client, "wrong-password", ATTACKER)
    assert attempt(client, "designlab-demo", ATTACKER).status_code == 429
    assert attempt(client, "designlab-demo", OFFICE).status_code == 302


def test_a_forged_address_in_front_of_the_proxys_does_not_reset_the_count(
    client, barnet_officer, settings
):
    for n in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "wrong-password", f"192.0.2.{n}, {ATTACKER}")
    assert attempt(client, "designlab-demo", f"192.0.2.99, {ATTACKER}").status_code == 429


def test_a_header_the_proxy_cannot_have_written_falls_back_to_the_connection(
    client, barnet_officer, settings
):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "wrong-password", "not-an-address")
    assert attempt(client, "designlab-demo", "").status_code == 429  # keyed by PROXY
    assert attempt(client, "designlab-demo", OFFICE).status_code == 302


@pytest.mark.parametrize("address, with_port", [(ATTACKER, "{}:{}"), ("2001:db8::7", "[{}]:{}")])
def test_an_address_with_a_port_counts_as_that_address(
    client, barnet_officer, settings, address, with_port
):
    """Some load balancers add the client's port, which changes with every connection."""
    for n in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "wrong-password", with_port.format(address, 50000 + n))
    assert attempt(client, "designlab-demo", address).status_code == 429
    assert attempt(client, "designlab-demo", OFFICE).status_code == 302


def test_with_two_proxies_the_address_is_the_one_the_outer_proxy_added(rf, settings):
    from axes.helpers import get_client_ip_address

    for name, value in client_address_settings(2).items():
        setattr(settings, name, value)
    inner = "10.0.0.3"  # REMOTE_ADDR; the outer proxy, 10.0.0.2, is in the header
    request = rf.get("/", REMOTE_ADDR=inner, HTTP_X_FORWARDED_FOR=f"{ATTACKER}, 10.0.0.2")
    assert get_client_ip_address(request) == ATTACKER
    # A header our proxies cannot have written gives no trusted address: django-ipware
    # answers None, and such attempts are counted together for the username.
    forged = rf.get("/", REMOTE_ADDR=inner, HTTP_X_FORWARDED_FOR=f"192.0.2.1, {ATTACKER}, 10.0.0.2")
    assert get_client_ip_address(forged) is None
