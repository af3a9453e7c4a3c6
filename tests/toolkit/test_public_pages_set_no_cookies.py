"""The privacy notice says the public pages set no cookies: nothing a visitor without an
account opens sets one."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/", "/ar/", "/toolkit/", "/resources/?q=pack&kind=welcome_pack",
                                  "/report/", "/open-data/", "/privacy-notice/", "/search/?q=x",
                                  "/no-such-page/", "/open-data/pilots-by-stage.csv"])  # fmt: skip
def test_a_public_page_sets_no_cookie(client, path):
    assert not client.get(path).cookies, path
