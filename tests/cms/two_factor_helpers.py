"""Signing in as a browser would, with CSRF enforced, for the two-factor tests."""

import io
import time

from bs4 import BeautifulSoup
from django.core.management import call_command
from django.test import Client
from django_otp.oath import TOTP

from tests.cms.conftest import PASSWORD


def browser() -> Client:
    return Client(enforce_csrf_checks=True)


def submit(client: Client, url: str, data: dict):
    """POST `data` to `url` as its form would: with the page's CSRF token."""
    page = client.get(url)
    fields = {}
    if page.status_code == 200:
        soup = BeautifulSoup(page.content, "html.parser")
        fields = {i["name"]: i.get("value", "") for i in soup.select("form input[name]")}
    token = client.cookies["csrftoken"].value if "csrftoken" in client.cookies else ""
    return client.post(url, {"csrfmiddlewaretoken": token} | fields | data)


def sign_in(client: Client, username: str, password: str = PASSWORD):
    """Give the password; returns the response to the next admin page."""
    response = submit(client, "/admin/login/", {"username": username, "password": password,
                                                 "next": "/admin/"})  # fmt: skip
    assert response.status_code == 302, "the password was accepted"
    return client.get("/admin/")


def code(device, steps_ahead=0) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():06d}"


def invitation_link(username: str) -> str:
    """What `two_factor_reset` prints: the path of a new invitation link."""
    output = io.StringIO()
    call_command("two_factor_reset", username, stdout=output)
    link = output.getvalue().strip().splitlines()[-1]
    assert link.startswith("http")
    return "/" + link.split("/", 3)[3]
