"""Any address a visitor types gives a cache key every cache backend accepts: a path or
query string that is very long, or holds spaces and control characters (%20, %01 decoded),
never makes Django warn that memcached would refuse the key (CacheKeyWarning)."""

import warnings

import pytest
from django.core.cache.backends.base import CacheKeyWarning, memcache_key_warnings

from toolkit.cache import public_api_cache_key, public_page_cache_key

ODD_PATHS = [
    "/toolkit/" + "long-slug-" * 100 + "/",
    "/toolkit/a page with spaces/",
    "/toolkit/control\x01\x7fcharacters/",
    "/toolkit/café-ünïcode-مرحبا/",
]


@pytest.mark.parametrize("path", ODD_PATHS)
def test_an_odd_or_long_path_gives_a_valid_page_cache_key(rf, path):
    key = public_page_cache_key(rf.get(path))
    assert list(memcache_key_warnings(key)) == []


def test_each_page_has_its_own_cache_key(rf, settings):
    settings.ALLOWED_HOSTS = ["testserver", "other.example"]
    keys = {public_page_cache_key(rf.get(path)) for path in ODD_PATHS}
    keys.add(public_page_cache_key(rf.get(ODD_PATHS[1], HTTP_HOST="other.example")))
    assert len(keys) == len(ODD_PATHS) + 1


@pytest.mark.django_db
def test_an_odd_or_long_query_gives_a_valid_api_cache_key(rf):
    request = rf.get("/api/v1/pilots/", {"borough": "E09 \x01" + "x" * 500})
    assert list(memcache_key_warnings(public_api_cache_key(request))) == []


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/toolkit/" + "x" * 300 + "/", "/toolkit/a%20b%01c/"])
def test_requesting_an_odd_or_long_path_raises_no_cache_key_warning(client, path):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        response = client.get(path)
    assert response.status_code == 404
    assert not [w for w in caught if issubclass(w.category, CacheKeyWarning)]
