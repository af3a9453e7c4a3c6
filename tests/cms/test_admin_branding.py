"""The sign-in page carries the Design Lab's name and icon (Wagtail's admin branding
blocks), not Wagtail's."""

import pytest

pytestmark = pytest.mark.django_db


def test_sign_in_page_names_the_design_lab(client):
    html = client.get("/admin/login/").content.decode()
    assert "<h1>Sign in to the Borough Design Lab</h1>" in html
    assert "<title>Sign in - Borough Design Lab</title>" in html
    assert "Sign in to Wagtail" not in html and "- Wagtail</title>" not in html
    assert 'href="/">go to the public site</a>' in html


def test_signed_in_pages_are_titled_with_the_design_lab(client, convenor):
    client.force_login(convenor)
    html = client.get("/admin/").content.decode()
    assert "- Borough Design Lab</title>" in html
