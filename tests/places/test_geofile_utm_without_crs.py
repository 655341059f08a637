"""A GeoJSON file without `crs` whose coordinates are UTM metres is read in the system they
fit (EUREF89 UTM 32N or 33N), marked as assumed for the planner to confirm; coordinates that are
neither lon/lat nor UTM are still refused. The files are written by GDAL: a Shapefile that lost
its .prj, converted to GeoJSON, which is how such files usually come about."""

import subprocess

import pytest
from django.utils import translation

from places.geofile import GeoFileError, read_features, read_upload

from .test_geofile_formats import assert_is_sentrum
from .test_geofile_support import build, collection, municipality, polygon, sentrum_geojson, square, upload


@pytest.fixture(autouse=True)
def _english_messages():
    with translation.override("en"):
        yield


def without_crs(tmp_path, srs, geojson=None):
    """`geojson` (lon/lat) as GDAL writes it from a Shapefile in `srs` whose .prj is gone."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    source = tmp_path / "source.geojson"
    source.write_bytes(geojson or sentrum_geojson())
    shp = tmp_path / "plan.shp"
    subprocess.run(["ogr2ogr", "-f", "ESRI Shapefile", str(shp), str(source), "-s_srs", "EPSG:4326", "-t_srs", srs],
                   check=True, capture_output=True, timeout=60)
    (tmp_path / "plan.prj").unlink()
    target = tmp_path / "plan.geojson"
    subprocess.run(["ogr2ogr", "-f", "GeoJSON", str(target), str(shp)], check=True, capture_output=True, timeout=60)
    data = target.read_bytes()
    assert b'"crs"' not in data
    return data


@pytest.mark.parametrize("srid, other", [(25832, 25833), (25833, 25832)])
def test_utm_metres_are_read_in_the_system_they_fit(tmp_path, srid, other):
    reading = read_upload(upload(without_crs(tmp_path, f"EPSG:{srid}")), municipality())

    assert reading.assumed_srid == srid
    [feature] = reading.features
    assert feature.srid_assumed is True
    assert_is_sentrum_assumed(feature, srid)
    # The other system is offered too, with what it gives: Asker read as the other zone is
    # hundreds of kilometres away.
    assert set(reading.alternatives) == {25832, 25833}
    assert isinstance(reading.alternatives[other], GeoFileError)
    assert reading.alternatives[other].code == "outside"


def assert_is_sentrum_assumed(feature, srid):
    feature.srid_assumed = False  # assert_is_sentrum checks the shape and the source system
    assert_is_sentrum(feature, srid)


def test_read_features_gives_the_likely_reading(tmp_path):
    [feature] = read_features(upload(without_crs(tmp_path, "EPSG:25832")), municipality())
    assert feature.source_srid == 25832 and feature.srid_assumed


def test_a_file_that_names_its_system_is_not_second_guessed(tmp_path):
    reading = read_upload(upload(build("geojson", sentrum_geojson(), tmp_path, 25832)), municipality())
    assert reading.assumed_srid is None and reading.alternatives == {}
    assert_is_sentrum(reading.features[0], 25832)


def test_lon_lat_without_crs_is_lon_lat():
    reading = read_upload(upload(sentrum_geojson()), municipality())
    assert reading.assumed_srid is None
    assert_is_sentrum(reading.features[0], 4326)


def test_lon_lat_outside_the_municipality_is_outside_not_a_guess():
    with pytest.raises(GeoFileError) as refused:
        read_upload(upload(collection(polygon(square(11.5, 60.5)))), municipality())
    assert refused.value.code == "outside"


def test_utm_metres_somewhere_else_are_outside(tmp_path):
    bergen = collection(polygon(square(5.32, 60.39, 0.01), navn="Bergen"))
    with pytest.raises(GeoFileError) as refused:
        read_upload(upload(without_crs(tmp_path, "EPSG:25832", bergen)), municipality())
    assert refused.value.code == "outside"
    assert refused.value.message == "The shape lies outside Asker."


def test_coordinates_that_are_neither_lon_lat_nor_utm_are_refused(tmp_path):
    # UTM in millimetres: a tool's unit setting gone wrong.
    millimetres = "+proj=utm +zone=32 +ellps=GRS80 +units=mm +no_defs"
    with pytest.raises(GeoFileError) as refused:
        read_upload(upload(without_crs(tmp_path, millimetres)), municipality())
    assert refused.value.code == "crs"
    assert "neither longitude and latitude nor UTM metres" in refused.value.message
