"""Follow every link a user can see, as each kind of user, and never meet a server error.

One page of each URL shape is visited (ids and query values are folded), so the crawl
grows with the number of views, not with the data.
"""

import re
from collections import deque
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

# Links that end the session, or bulk actions (their ids are added by JavaScript).
SKIP = re.compile(r"/logout/|^/admin/(account/|login/|bulk/)|^/documents/")
LIMIT = 400
SIDEBAR_URL = re.compile(r'"url": "(/admin/[^"]*)"')


def shape(url: str) -> str:
    parts = urlsplit(url)
    query = re.sub(r"=[^&]*", "=", parts.query)
    return re.sub(r"/\d+/", "/N/", parts.path) + ("?" + query if query else "")


def links(response) -> list[str]:
    """Where a response leads: its redirect, its links and Wagtail's menu (drawn from JSON)."""
    found = [response["Location"]] if response.status_code in (301, 302) else []
    if "text/html" in response.get("Content-Type", ""):
        page = response.content.decode()
        found += [a["href"] for a in BeautifulSoup(page, "html.parser").select("a[href]")]
        found += SIDEBAR_URL.findall(page)
    return [href.split("#")[0] for href in found]


def untitled(response) -> bool:
    """A page without a title of its own: a browser tab or screen reader cannot name it."""
    if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
        return False
    title = BeautifulSoup(response.content, "html.parser").title
    return title is None or title.text.strip().startswith("-")


def crawl(client, start: str, inside: str) -> tuple[dict[str, int], list[str], list[str]]:
    """Statuses of the pages reached from `start`, the server errors among them, and the
    untitled pages among them."""
    seen, errors, statuses, nameless = {shape(start)}, [], {}, []
    queue = deque([start])
    while queue and len(statuses) < LIMIT:
        url = queue.popleft()
        response = client.get(url)
        statuses[url] = response.status_code
        if response.status_code >= 500:
            errors.append(f"{response.status_code} {url}")
        if untitled(response):
            nameless.append(url)
        for href in links(response):
            if href.startswith(inside) and not SKIP.search(href) and shape(href) not in seen:
                seen.add(shape(href))
                queue.append(href)
    return statuses, errors, nameless


@pytest.mark.parametrize("username", ["convenor", "officer-barnet"])
def test_admin_pages_reachable_by_links_never_crash(client, username, django_user_model):
    client.force_login(django_user_model.objects.get(username=username))
    statuses, errors, untitled = crawl(client, "/admin/", "/admin/")
    assert errors == []
    assert untitled == []
    assert len(statuses) > 30, statuses  # the crawl really went through the admin
    # Every link shown leads somewhere this user may go: no dead ends, no 404s.
    assert [u for u, c in statuses.items() if c in (403, 404)] == []


def test_public_pages_reachable_by_links_never_crash(client, db):
    statuses, errors, untitled = crawl(client, "/", "/")
    assert errors == []
    assert untitled == []
    assert len(statuses) > 15
    assert all(code < 400 for code in statuses.values()), {
        u: c for u, c in statuses.items() if c >= 400
    }
