"""pagecache.kept(): a value computed once per content version (the gazetteer's places, read
for every page with comments on the map), again after any change, and without the cache when it
is down."""

import pytest
from django.contrib.gis.geos import Point

from asker import pagecache
from participation.gazetteer import Gazetteer
from tests.factories import ProjectFactory
from tests.places.conftest import asker, heggedal, sentrum, world  # noqa: F401  (shared fixtures)

pytestmark = pytest.mark.django_db


def test_computed_once_per_version():
    calls = []

    def compute():
        calls.append(1)
        return ["verdi", len(calls)]

    assert pagecache.kept("prøve", compute) == ["verdi", 1]
    assert pagecache.kept("prøve", compute) == ["verdi", 1] and len(calls) == 1
    pagecache.bump()
    assert pagecache.kept("prøve", compute) == ["verdi", 2]


def test_computed_every_time_with_the_cache_down(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                   "LOCATION": "redis://127.0.0.1:1/0"}}
    calls = []
    for _ in range(2):
        assert pagecache.kept("prøve", lambda: calls.append(1) or "x") == "x"
    assert len(calls) == 2


def test_the_gazetteer_reads_the_database_once_and_again_after_a_new_project(world, django_assert_num_queries):
    municipality = world["heggedal"].municipality
    point = Point(10.3001, 59.6001, srid=4326)
    assert "Fjernt prosjekt" not in Gazetteer(municipality).describe(point)
    with django_assert_num_queries(0):
        Gazetteer(municipality).describe(point)
    ProjectFactory(municipality=municipality, centre=world["heggedal"], name="Fjernt prosjekt", slug="fjernt",
                   location=Point(10.3, 59.6, srid=4326))
    assert Gazetteer(municipality).describe(point) == "nær Fjernt prosjekt"
