"""The offline gazetteer (participation/gazetteer.py): the names it knows and from where, the
nearest name to a point with its distance, and suggestions for misspelt names. A confidential
or archived project is never a place, whoever asks."""

import pytest
from django.contrib.gis.geos import Point
from django.utils import timezone, translation

from participation.gazetteer import Gazetteer, describe_distance
from places.models import DevelopmentProject
from tests.factories import DistrictFactory, MunicipalityFactory, ProjectFactory, login_as, small_square

pytestmark = pytest.mark.django_db

# Far from every place of the test world and of places/data/gazetteer.csv (Tofte is 7 km off).
SAGENE = (10.30, 59.60)
METRES_PER_DEGREE_LAT = 111195.08


def north_of(lon_lat, metres):
    return Point(lon_lat[0], lon_lat[1] + metres / METRES_PER_DEGREE_LAT, srid=4326)


@pytest.fixture
def places(world):
    DistrictFactory(municipality=world["heggedal"].municipality, name="Vettre")
    return Gazetteer(world["heggedal"].municipality)


@pytest.mark.parametrize("typed, name, kind", [
    ("Heggedal", "Heggedal", "centre"),                         # the database: centres
    ("vettre", "Vettre", "district"),                           # delområder
    ("heggedal torg", "Heggedal torg", "project"),              # public projects
    ("Heggedal sentrum", "Heggedal sentrum", "plan"),           # plans (the world's plan)
    ("Borgen innbyggertorg", "Borgen innbyggertorg", "innbyggertorg"),  # places/data/gazetteer.csv
    ("  høn   STASJON ", "Høn stasjon", "station"),
    ("Bergerveien", "Bergerveien", "street"),
    ("Hegg", "Heggedal", "centre"),                             # by its start: a centre comes first
    ("innbyggertorg", "Asker sentrum innbyggertorg", "innbyggertorg"),  # anywhere in the name
])
def test_a_typed_name_is_found_in_each_source(places, typed, name, kind):
    found = places.find(typed)
    assert (found.name, found.kind) == (name, kind)


def test_the_points_are_the_places_own(places, world):
    assert places.find("Heggedal torg").point.coords == pytest.approx(world["torg"].location.coords)
    assert places.find("Høn stasjon").point.coords == pytest.approx((10.4524, 59.8415))


# Too short a part ("e" is in almost every name) places nothing by chance.
@pytest.mark.parametrize("typed", ["", "   ", "Atlantis", "Hemmelig tomt", "hemmelig", "e", "a", "ve"])
def test_unknown_and_confidential_names_are_not_found(places, typed):
    assert places.find(typed) is None


def test_an_archived_project_is_no_place(places, world):
    DevelopmentProject.objects.filter(pk=world["hage"].pk).update(archived_at=timezone.now())
    assert places.find("Heggedal hage") is None


def test_a_confidential_project_is_never_a_place_even_for_a_planners_comment(client, world, consultation):
    login_as(client, "planner")
    response = client.post(f"{consultation.get_absolute_url()}kommenter/", {"text": "Her", "place": "Hemmelig tomt"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Vi kjenner ikke noe sted som heter «Hemmelig tomt» i Asker. Sjekk stavemåten" in html
    assert 'name="use_place"' not in html and "Mente du" not in html
    assert not consultation.comments.exists()


@pytest.mark.parametrize("typed, suggestion", [
    ("Heggdal torg", "Heggedal torg"),
    ("Hegedal torg", "Heggedal torg"),
    ("Hønn stasjon", "Høn stasjon"),
    ("Bergervein", "Bergerveien"),
    ("Borgen innbygertorg", "Borgen innbyggertorg"),
])
def test_a_close_name_is_suggested(places, typed, suggestion):
    assert places.find(typed) is None
    assert places.suggest(typed) == suggestion


@pytest.mark.parametrize("typed", ["", "Atlantis", "xyzzy", "Hemmelig tomtt", "Hemelig tomt"])
def test_nothing_is_suggested_for_what_is_unknown_or_confidential(places, typed):
    assert places.suggest(typed) is None


@pytest.fixture
def sagene(world):
    return ProjectFactory(municipality=world["heggedal"].municipality, centre=world["heggedal"],
                          name="Sagene brygge", slug="sagene-brygge", location=Point(*SAGENE, srid=4326))


@pytest.mark.parametrize("metres, said", [
    (0, "nær Sagene brygge"),
    (99, "nær Sagene brygge"),
    (240, "250 m fra Sagene brygge"),
    (700, "700 m fra Sagene brygge"),
    (1240, "1,2 km fra Sagene brygge"),
])
def test_a_point_is_told_by_the_nearest_name_and_the_distance(world, sagene, metres, said):
    with translation.override("nb"):
        assert Gazetteer(sagene.municipality).describe(north_of(SAGENE, metres)) == said


def test_in_english_too(world, sagene):
    with translation.override("en"):
        assert Gazetteer(sagene.municipality).describe(north_of(SAGENE, 250)) == "250 m from Sagene brygge"


def test_a_confidential_project_nearer_the_point_is_passed_over(world, sagene):
    ProjectFactory(municipality=sagene.municipality, centre=world["heggedal"], name="Hemmelig brygge",
                   slug="hemmelig-brygge", location=north_of(SAGENE, 240),
                   visibility=DevelopmentProject.Visibility.CONFIDENTIAL)
    with translation.override("nb"):
        assert Gazetteer(sagene.municipality).describe(north_of(SAGENE, 250)) == "250 m fra Sagene brygge"


def test_a_district_or_a_plan_does_not_describe_a_point(world, sagene):
    # Their points lie somewhere inside a large area, so "near" one would mislead.
    DistrictFactory(municipality=sagene.municipality, name="Midt i skogen",
                    geometry=small_square(SAGENE[0] - 0.0001, SAGENE[1] + 0.0049, 0.0002))
    place, metres = Gazetteer(sagene.municipality).nearest(north_of(SAGENE, 550))
    assert place.name == "Sagene brygge" and metres == pytest.approx(550, abs=1)


def test_the_file_places_belong_to_asker_only(db):
    elsewhere = MunicipalityFactory(number="0301", name="Oslo", slug="oslo")
    places = Gazetteer(elsewhere)
    assert places.find("Heggedal innbyggertorg") is None
    with translation.override("nb"):
        assert places.describe(Point(10.75, 59.91, srid=4326)) == "et punkt i kartet"


def test_the_places_are_read_once_for_many_questions(places, django_assert_num_queries):
    with django_assert_num_queries(4):  # centres, delområder, projects, plans
        for typed in ("Heggedal", "Heggdal torg", "Atlantis"):
            places.find(typed)
            places.suggest(typed)
        places.describe(Point(10.44, 59.83, srid=4326))


def test_rounding_at_the_kilometre(db):
    with translation.override("nb"):
        assert describe_distance("X", 980) == "1,0 km fra X"
        assert describe_distance("X", 970) == "950 m fra X"


def test_the_nearest_landmark_is_the_one_a_full_search_finds(places):
    """The search walks out from the point's latitude and stops early; it must find what
    measuring every landmark finds, wherever the point is, also between equal latitudes."""
    import random

    from participation.gazetteer import LANDMARKS, distance_m

    marks = [p for p in places.places if p.kind in LANDMARKS]
    rng = random.Random(3203)
    for _ in range(400):
        point = Point(10.2 + rng.random() * 0.7, 59.5 + rng.random() * 0.5, srid=4326)
        place, metres = places.nearest(point)
        best = min(distance_m((point.x, point.y), (m.lon, m.lat)) for m in marks)
        assert metres == pytest.approx(best, abs=1.0)
