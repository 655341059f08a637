"""The page cache never serves another release's pages and never stands in the way: with the
cache down every public page is rendered afresh (asker/pagecache.py)."""

import os

from asker import pagecache
from tests.places.conftest import asker, heggedal, sentrum, world  # noqa: F401  (shared fixtures)


def test_a_changed_template_or_module_is_a_new_release(settings, tmp_path):
    settings.BASE_DIR = tmp_path
    (tmp_path / "templates").mkdir()
    page = tmp_path / "templates" / "page.html"
    page.write_text("<p>one</p>")
    first = pagecache._release()
    assert pagecache._release() == first  # the same files, the same release
    page.write_text("<p>two, longer</p>")
    assert pagecache._release() != first
    (tmp_path / ".venv").mkdir()
    (tmp_path / ".venv" / "site.py").write_text("x = 1")
    second = pagecache._release()
    os.utime(page, ns=(1, 1))
    assert pagecache._release() not in (first, second)


def test_a_changed_setting_is_a_new_stamp(client, world, settings):
    first = client.get("/personvern/")["ETag"]
    settings.COMMENT_MAX_LENGTH = 1000
    assert client.get("/personvern/", HTTP_IF_NONE_MATCH=first).status_code == 200


def test_pages_are_rendered_with_the_cache_down(client, world, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                   "LOCATION": "redis://127.0.0.1:1/0"}}
    for path in ("/", "/prosjekter/", "/kart/prosjekter.geojson?bbox=10.2,59.5,10.8,59.95&zoom=15"):
        response = client.get(path)
        assert response.status_code == 200 and "Heggedal torg" in response.content.decode()
        assert not response.has_header("ETag")
    world["hage"].name = "Heggedal hage II"
    world["hage"].save()  # the stamp cannot be replaced: logged, and the save goes through
    assert "Heggedal hage II" in client.get("/prosjekter/").content.decode()
