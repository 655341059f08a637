"""The choice page for a GeoJSON file without crs in UTM metres: the planner is told which
system the coordinates look like and confirms it; nothing is saved without that confirmation,
and the system that puts the shape elsewhere is refused with its reason."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from places.geometry import area_m2
from tests.places.test_geofile_support import SENTRUM_RING, collection, polygon
from tests.places.test_geofile_utm_without_crs import without_crs

pytestmark = pytest.mark.django_db


def upload(client, project, data, lang=""):
    file = SimpleUploadedFile("plan.geojson", data, content_type="application/geo+json")
    return client.post(f"{lang}/planlegger/prosjekter/{project.slug}/last-opp/", {"file": file})


def choose(client, project, **data):
    return client.post(f"/planlegger/prosjekter/{project.slug}/last-opp/velg/", data)


@pytest.fixture
def utm32_file(tmp_path):
    return without_crs(tmp_path, "EPSG:25832", collection(polygon(SENTRUM_RING, navn="Sentrum")))


def test_the_planner_is_told_and_the_likely_system_is_chosen(planner_client, world, utm32_file):
    response = upload(planner_client, world["hage"], utm32_file)
    assert response.status_code == 200
    html = response.content.decode()
    assert "ikke lengdegrad og breddegrad" in html and "EPSG:25832" in html
    assert re.search(r'<input type="radio" name="srid" value="25832"[^>]* checked>', html)
    assert re.search(r'<input type="radio" name="srid" value="25833"[^>]*required>', html)  # offered, not chosen


def test_english_page(planner_client, world, utm32_file):
    html = upload(planner_client, world["hage"], utm32_file, lang="/en").content.decode()
    assert "not longitude and latitude" in html and "what Asker usually uses" in html


def test_confirmed_system_is_used(planner_client, world, utm32_file):
    project = world["hage"]
    upload(planner_client, project, utm32_file)
    assert choose(planner_client, project, features=["0"], srid="25832").status_code == 302
    project.refresh_from_db()
    sentrum_m2 = area_m2(polygon_geometry())
    assert area_m2(project.geometry) == pytest.approx(sentrum_m2, rel=1e-5)
    assert project.geometry.extent == pytest.approx((10.430, 59.825, 10.450, 59.840), abs=1e-6)


def polygon_geometry():
    from django.contrib.gis.geos import Polygon

    return Polygon(SENTRUM_RING, srid=4326)


@pytest.mark.parametrize("data, message", [
    ({"features": ["0"]}, "Bekreft hvilket koordinatsystem"),
    ({"features": ["0"], "srid": "4326"}, "Velg et gyldig"),
    ({"features": ["0"], "srid": "x"}, "Velg et gyldig"),
    ({"features": ["0"], "srid": "25833"}, "utenfor Asker"),
])
def test_without_a_good_confirmation_nothing_is_saved(planner_client, world, utm32_file, data, message):
    project = world["hage"]
    before = (project.geometry.ewkt, project.history.count())
    upload(planner_client, project, utm32_file)
    response = choose(planner_client, project, **data)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="error-summary"' in html and message in html
    project.refresh_from_db()
    assert (project.geometry.ewkt, project.history.count()) == before
