"""The site has its own icon, for browser tabs and bookmarks, also at /favicon.ico."""

import pytest
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from PIL import Image

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/", "/ar/welcome-pack/", "/no-such-page/", "/search/"])
def test_every_public_page_names_the_icon(client, path):
    html = client.get(path).content.decode()
    assert f'<link rel="icon" href="{static("cms/favicon.svg")}" type="image/svg+xml">' in html
    assert f'<link rel="icon" href="{static("cms/favicon.ico")}" sizes="32x32">' in html


def test_favicon_ico_leads_to_the_icon_file(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302 and response["Location"] == static("cms/favicon.ico")
    with Image.open(finders.find("cms/favicon.ico")) as icon:
        assert icon.format == "ICO" and (32, 32) in icon.info["sizes"]


def test_the_admin_uses_the_same_icon(client):
    html = client.get("/admin/login/").content.decode()
    assert static("cms/favicon.svg") in html and "wagtailadmin/images/favicon.ico" not in html
