"""Files that cannot be used are refused with a code and a sentence for the planner, and an
invalid shape comes back repaired for the planner to confirm."""

import io
import os
import sqlite3
import zipfile
from pathlib import Path

import pytest
from django.utils import translation

import places.geofile
from places.geofile import GeoFileError, read_features
from places.geofile.storage import ZIP_MAX_MEMBERS

from .test_geofile_support import (
    SENTRUM_RING,
    build,
    collection,
    geometry_feature,
    municipality,
    polygon,
    sentrum_geojson,
    shapefile_members,
    square,
    upload,
    zip_bytes,
)

@pytest.fixture(autouse=True)
def _english_messages():
    # The assertions read the messages' English wording; bokmål is checked in the workspace tests.
    with translation.override("en"):
        yield



def refused(data, code, name="upload.bin"):
    with pytest.raises(GeoFileError) as caught:
        read_features(data if hasattr(data, "read") else upload(data, name), municipality())
    error = caught.value
    assert error.code == code, repr(error)
    assert str(error) and str(error) == error.message and error.message.endswith(".")
    return error


@pytest.fixture(scope="module")
def built_shapefile(tmp_path_factory):
    # ogr2ogr costs about 0.3 s a run (PROJ starting up); one Shapefile serves the module.
    directory = tmp_path_factory.mktemp("shp")
    build("shapefile", sentrum_geojson(), directory, 25832)
    return {Path(name).suffix: data for name, data in shapefile_members(directory / "plan.shp").items()}


@pytest.fixture
def shapefile_parts(built_shapefile):
    """{suffix: bytes} of the sentrum polygon as a Shapefile in EPSG:25832, for a test to spoil."""
    return dict(built_shapefile)


# --- Wrong type, judged by content ------------------------------------------------------------

def test_pdf_named_geojson():
    error = refused(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n", "type", "plan.geojson")
    assert "PDF" in error.message
    assert "GeoJSON, a zipped Shapefile, GML or GeoPackage" in error.message


def test_png_image():
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)
    assert "image" in refused(png, "type", "kart.png").message


@pytest.mark.parametrize("content", [
    b"Dette er ikke en zip-fil, bare tekst.\n",
    b'{"navn": "Asker", "areal": 12}',  # JSON, but not GeoJSON
    b"<html><body>Kart</body></html>",
    b'<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document/></kml>',
    b"\x00\x01\x02\x03 binary",
], ids=["text-named-zip", "plain-json", "html", "kml", "binary"])
def test_not_a_map_file(content):
    refused(content, "type", "plan.zip")


def test_sqlite_database_that_is_not_a_geopackage(tmp_path):
    path = tmp_path / "register.gpkg"
    with sqlite3.connect(path) as db:
        db.execute("create table planer (navn text)")
    refused(path.read_bytes(), "type", "register.gpkg")


# --- Unreadable and empty ---------------------------------------------------------------------

def test_truncated_geojson():
    refused(sentrum_geojson()[:80], "unreadable")


def test_corrupt_geopackage(tmp_path):
    gpkg = bytearray(build("gpkg", sentrum_geojson(), tmp_path))
    gpkg[100:] = b"\xff" * (len(gpkg) - 100)
    assert "GeoPackage" in refused(bytes(gpkg), "unreadable").message


def test_corrupt_zip():
    refused(b"PK\x03\x04" + b"\x00garbage" * 20, "unreadable")


def test_shapefile_with_garbage_shp(shapefile_parts):
    shp = bytearray(shapefile_parts[".shp"])
    shp[:100] = b"\x00" * 100  # the header: file code, length, shape type and extent
    shapefile_parts[".shp"] = bytes(shp)
    error = refused(zip_bytes({f"plan{s}": d for s, d in shapefile_parts.items()}), "unreadable")
    assert "Shapefile" in error.message


def test_empty_file():
    assert refused(b"", "empty").message == "The file is empty."


@pytest.mark.parametrize("data", [
    collection(),
    collection(geometry_feature(None, navn="ingen geometri")),
    collection(geometry_feature({"type": "Polygon", "coordinates": []})),
], ids=["no-features", "null-geometry", "empty-polygon"])
def test_no_shapes(data):
    refused(data, "empty")


def test_empty_geopackage_layer(tmp_path):
    refused(build("gpkg", sentrum_geojson(), tmp_path, options=["-where", "0 = 1"]), "empty")


@pytest.mark.parametrize("geometry", [
    {"type": "Point", "coordinates": [10.44, 59.83]},
    {"type": "MultiPoint", "coordinates": [[10.44, 59.83], [10.45, 59.83]]},
    {"type": "LineString", "coordinates": [[10.44, 59.83], [10.45, 59.83]]},
], ids=["point", "multipoint", "line"])
def test_points_or_lines_instead_of_areas(geometry):
    error = refused(collection(geometry_feature(geometry)), "geometry_type")
    assert "polygon" in error.message


# --- Coordinate systems -----------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["geojson", "gpkg", "shapefile"])
def test_web_mercator_is_not_accepted(tmp_path, fmt):
    error = refused(build(fmt, sentrum_geojson(), tmp_path, 3857), "crs")
    assert "EPSG:3857" in error.message
    assert "EPSG:4326, 25832 or 25833" in error.message


def test_custom_projection_is_unknown(tmp_path):
    local_tm = "+proj=tmerc +lat_0=0 +lon_0=10 +k=1 +x_0=0 +y_0=0 +ellps=GRS80 +units=m"
    error = refused(build("shapefile", sentrum_geojson(), tmp_path, local_tm), "crs")
    assert "without a known EPSG code" in error.message


def test_shapefile_without_prj(shapefile_parts):
    del shapefile_parts[".prj"]
    error = refused(zip_bytes({f"plan{s}": d for s, d in shapefile_parts.items()}), "crs")
    assert ".prj" in error.message


def test_gml_without_srs_name():
    gml = f"""<?xml version="1.0"?>
<app:Planer xmlns:app="http://example.org/plan" xmlns:gml="http://www.opengis.net/gml">
  <gml:featureMember><app:Plan><app:omrade><gml:Polygon><gml:outerBoundaryIs><gml:LinearRing>
    <gml:coordinates>{" ".join(f"{x},{y}" for x, y in SENTRUM_RING)}</gml:coordinates>
  </gml:LinearRing></gml:outerBoundaryIs></gml:Polygon></app:omrade></app:Plan></gml:featureMember>
</app:Planer>"""
    refused(gml.encode(), "crs")


# --- Invalid and misplaced shapes -------------------------------------------------------------

def test_bow_tie_comes_back_repaired_for_confirmation():
    bow_tie = [(10.43, 59.83), (10.45, 59.84), (10.45, 59.83), (10.43, 59.84), (10.43, 59.83)]

    [feature] = read_features(upload(collection(polygon(bow_tie, navn="Sløyfe"))), municipality())

    assert feature.repaired is True
    assert "Self-intersection" in feature.problem
    assert feature.geometry.valid and feature.geometry.geom_type == "MultiPolygon"
    assert feature.geometry.srid == 4326
    assert len(feature.geometry) == 2  # the two triangles
    assert feature.area_m2 > 0
    assert feature.label == "Sløyfe"


def test_shape_without_area_cannot_be_repaired():
    flat = [(10.43, 59.83), (10.44, 59.83), (10.45, 59.83), (10.43, 59.83)]
    error = refused(collection(polygon(flat, navn="Strek")), "invalid")
    assert "Strek" in error.message


def test_shape_outside_the_municipality():
    drammen = square(10.20, 59.74, 0.01)  # west of the box, beyond the 500 m tolerance
    error = refused(collection(polygon(drammen)), "outside")
    assert error.message == "The shape lies outside Asker."


def test_which_of_several_shapes_is_outside():
    data = collection(polygon(SENTRUM_RING, navn="Sentrum"), polygon(square(11.0, 59.3), navn="Moss"))
    assert "“Moss” lies outside Asker" in refused(data, "outside").message


def test_coordinates_in_a_declared_system_are_not_second_guessed():
    """UTM coordinates in a file that says it is lon/lat lie nowhere near Asker (a file without
    crs is another matter: test_geofile_utm_without_crs)."""
    utm = [(580000, 6633000), (580500, 6633000), (580500, 6633500), (580000, 6633000)]
    refused(collection(polygon(utm), crs="urn:ogc:def:crs:OGC:1.3:CRS84"), "outside")


# --- Size -------------------------------------------------------------------------------------

def test_file_larger_than_the_setting(settings):
    settings.GEOMETRY_UPLOAD_MAX_BYTES = 1000
    data = collection(*(polygon(square(10.44, 59.83), navn=f"Felt {i}") for i in range(20)))
    assert len(data) > 1000
    assert "1000" in refused(data, "too_large").message.replace("\xa0", "")


def test_size_is_counted_not_trusted(settings):
    settings.GEOMETRY_UPLOAD_MAX_BYTES = 1000
    lying = upload(collection(*(polygon(square(10.44, 59.83)) for _ in range(20))))
    lying.size = 10
    refused(lying, "too_large")
    refused(io.BytesIO(b" " * 2000), "too_large")  # a stream with no size at all


def test_too_many_shapes(monkeypatch):
    monkeypatch.setattr(places.geofile, "MAX_FEATURES", 2)
    data = collection(*(polygon(square(10.40 + i / 100, 59.83)) for i in range(3)))
    refused(data, "too_many")


# --- Zip safety -------------------------------------------------------------------------------

def test_zip_bomb(shapefile_parts):
    shapefile_parts[".dbf"] = bytes(20 * 1024 * 1024)  # 20 MB of zeros, about 20 kB packed
    data = zip_bytes({f"plan{s}": d for s, d in shapefile_parts.items()})
    assert len(data) < 100_000
    assert "zip" in refused(data, "zip_unsafe").message


def test_zip_that_unpacks_to_far_more_than_the_limit(settings, shapefile_parts):
    settings.GEOMETRY_UPLOAD_MAX_BYTES = 100_000
    members = {f"plan{s}": d for s, d in shapefile_parts.items()}
    members["vedlegg.txt"] = b"Asker kommune " * 60_000  # 840 kB, under the ratio check's floor
    refused(zip_bytes(members), "zip_unsafe")


@pytest.mark.parametrize("name", [
    "../evil.shp", "plan/../../evil.shp", "/tmp/evil.shp", "C:/evil.shp", "..\\evil.shp",
])
def test_zip_member_paths_that_leave_the_folder(shapefile_parts, name):
    members = {f"plan{s}": d for s, d in shapefile_parts.items() if s != ".shp"}
    members[name] = shapefile_parts[".shp"]
    refused(zip_bytes(members), "zip_unsafe")
    assert not Path("/tmp/evil.shp").exists()


def test_zip_with_a_symbolic_link(shapefile_parts):
    members = {f"plan{s}": d for s, d in shapefile_parts.items()}
    link = zipfile.ZipInfo("plan.cpg")
    link.create_system = 3  # Unix, so the mode bits count
    link.external_attr = 0o120777 << 16
    members[link] = b"/etc/passwd"
    refused(zip_bytes(members), "zip_unsafe")


def test_zip_with_too_many_members(shapefile_parts):
    members = {f"plan{s}": d for s, d in shapefile_parts.items()}
    members.update({f"vedlegg/{i}.txt": b"x" for i in range(ZIP_MAX_MEMBERS)})
    refused(zip_bytes(members), "zip_unsafe")


def test_zip_with_two_shapefiles(shapefile_parts):
    members = {f"{stem}{s}": d for stem in ("a", "b") for s, d in shapefile_parts.items()}
    assert "exactly one Shapefile" in refused(zip_bytes(members), "zip_content").message


@pytest.mark.parametrize("missing", [".shx", ".dbf"])
def test_zip_without_the_shapefiles_parts(shapefile_parts, missing):
    del shapefile_parts[missing]
    refused(zip_bytes({f"plan{s}": d for s, d in shapefile_parts.items()}), "zip_content")


def test_zip_without_a_shapefile():
    refused(zip_bytes({"plan.pdf": b"%PDF-1.7", "plan.geojson": sentrum_geojson()}), "zip_content")


# --- Nothing is left behind -------------------------------------------------------------------

@pytest.mark.parametrize("case", ["good", "crs", "zip_unsafe", "unreadable"])
def test_no_file_is_left_open_or_on_disk(settings, tmp_path, shapefile_parts, case):
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path / "uploads")
    os.mkdir(settings.FILE_UPLOAD_TEMP_DIR)
    parts = {f"plan{s}": d for s, d in shapefile_parts.items()}
    if case == "crs":
        parts["plan.prj"] = b'PROJCS["WGS 84 / Pseudo-Mercator",GEOGCS["WGS 84",DATUM["WGS_1984",' \
            b'SPHEROID["WGS 84",6378137,298.257223563]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],' \
            b'PROJECTION["Mercator_1SP"],PARAMETER["central_meridian",0],PARAMETER["scale_factor",1],' \
            b'PARAMETER["false_easting",0],PARAMETER["false_northing",0],UNIT["metre",1],' \
            b'AUTHORITY["EPSG","3857"]]'
    elif case == "zip_unsafe":
        parts["../plan.txt"] = b"x"
    elif case == "unreadable":
        parts["plan.shp"] = parts["plan.shp"][:120]

    try:
        read_features(upload(zip_bytes(parts)), municipality())
    except GeoFileError as error:
        assert error.code == case
    else:
        assert case == "good"

    assert os.listdir(settings.FILE_UPLOAD_TEMP_DIR) == []
    open_files = [os.readlink(f"/proc/self/fd/{fd}") for fd in os.listdir("/proc/self/fd")
                  if os.path.exists(f"/proc/self/fd/{fd}")]
    assert not [f for f in open_files if f.startswith(settings.FILE_UPLOAD_TEMP_DIR)]
