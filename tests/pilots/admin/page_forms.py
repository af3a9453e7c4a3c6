"""Posting a page's form the way a browser does, with Django's CSRF check enforced: the
token comes from the rendered page, never from the test client's bypass."""

from urllib.parse import urljoin

from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

TOKEN = "csrfmiddlewaretoken"


def browser(user=None) -> Client:
    """A test client that checks CSRF tokens as the live site does."""
    client = Client(enforce_csrf_checks=True)
    if user is not None:
        client.force_login(user)
    return client


def form_values(form) -> dict:
    """What a browser would send from `form` (a BeautifulSoup element), buttons aside."""
    data = {}
    for element in form.select("input[name], textarea[name], select[name]"):
        name = element["name"]
        if element.name == "textarea":
            data[name] = element.text
        elif element.name == "select":
            chosen = element.select("option[selected]") or element.select("option")[:1]
            values = [o.get("value", "") for o in chosen]
            data[name] = values if element.has_attr("multiple") else values[0]
        elif element.get("type") in ("checkbox", "radio"):
            if element.has_attr("checked"):
                data.setdefault(name, []).append(element.get("value", "on"))
        elif element.get("type") not in ("submit", "button", "file"):
            data[name] = element.get("value", "")
    return data


def page_form(client: Client, url: str, selector: str) -> tuple[str, dict]:
    """The action and values of the form `selector` on the page at `url`."""
    page = client.get(url)
    assert page.status_code == 200, (url, page.status_code)
    form = BeautifulSoup(page.content, "html.parser").select_one(selector)
    assert form is not None, f"no {selector} on {url}"
    return urljoin(url, form.get("action") or url), form_values(form)


def post_as_browser(
    client: Client,
    url: str,
    selector: str = "main form[method=post]",
    data: dict | None = None,
    files: dict[str, tuple[str, bytes]] | None = None,
):
    """Open `url`, fill in the form `selector` with `data` (and `files`: name → (file name,
    content)) and submit it. The same post without the page's token is refused first, so
    each use also proves the check is on."""
    action, values = page_form(client, url, selector)
    assert values.get(TOKEN), f"the form on {url} renders no CSRF token"
    values |= data or {}

    def attached() -> dict:
        return {k: SimpleUploadedFile(n, c) for k, (n, c) in (files or {}).items()}

    without = {k: v for k, v in values.items() if k != TOKEN}
    refused = client.post(action, without | attached())
    assert refused.status_code == 403, (action, refused.status_code)
    return client.post(action, values | attached())
