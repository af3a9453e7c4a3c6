"""Every page carries security headers and a Content Security Policy: the public site runs
no inline script at all; the Wagtail admin, which still writes some inline scripts, gets
them allowed there only; nothing is loaded from another origin."""

import re

import pytest
from wagtail.models import Page

SCRIPT = re.compile(r"<script\b([^>]*)>", re.I)
# Anything the browser would fetch from another origin (links to other sites are fine).
EXTERNAL = re.compile(r"""(?:\bsrc=|<link\b[^>]*\bhref=)["'](?:https?:)?//""", re.I)


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {d.split()[0]: d.split()[1:] for d in policy.split(";") if d.strip()}


def inline_scripts(html: str) -> list[str]:
    """Script tags a browser would run that have no src: what script-src 'self' blocks."""
    return [
        attrs
        for attrs in SCRIPT.findall(html)
        if "src=" not in attrs and "application/json" not in attrs and "text/template" not in attrs
    ]


@pytest.mark.django_db
def test_public_page_forbids_inline_script_and_framing(client):
    response = client.get("/")
    assert response.status_code == 200
    policy = directives(response)
    assert policy["script-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    html = response.content.decode()
    assert inline_scripts(html) == []  # so the page works under the policy
    assert not EXTERNAL.search(html)


def test_admin_pages_load_everything_from_this_site(client, convenor):
    client.force_login(convenor)
    for url in ("/admin/", "/admin/documents/", "/admin/snippets/"):
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        policy = directives(response)
        assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
        assert policy["default-src"] == ["'self'"]
        assert policy["frame-ancestors"] == ["'none'"]
        html = response.content.decode()
        # Gravatar is off: avatars and everything else come from this origin.
        assert not EXTERNAL.search(html), url


def test_admin_preview_may_be_framed_by_the_admin_only(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("preview-admin"))
    home = Page.objects.get(depth=2, slug="home")
    response = client.get(f"/admin/pages/{home.pk}/edit/preview/")
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert directives(response)["frame-ancestors"] == ["'self'"]
