"""Nothing an uploaded map file names is fetched or opened: such files are refused before GDAL
sees them, and GDAL and PROJ stay off the network in any case.

Every test runs a real server on the loopback and names it in the file; it must see no
connection, and nothing of its answer may reach the planner.
"""

import json
import sqlite3

import pytest
from django.contrib.gis.gdal import DataSource, GDALException, SpatialReference
from django.utils import translation

from places.geofile import offline, read_features, reading, storage
from places.geofile.errors import GeoFileError

from .test_geofile_support import (
    SENTRUM_RING,
    Listener,
    build,
    municipality,
    polygon,
    sentrum_geojson,
    shapefile_members,
    upload,
    zip_bytes,
)


@pytest.fixture(autouse=True)
def _english_messages():
    with translation.override("en"):
        yield


@pytest.fixture
def listener():
    with Listener() as listener:
        yield listener


def refused(data, listener):
    with pytest.raises(GeoFileError) as caught:
        read_features(upload(data), municipality())
    error = caught.value
    assert error.code == "external", repr(error)
    assert error.message.endswith(".")
    assert "LISTENER-ANSWER" not in error.message and "LISTENER-ANSWER" not in error.detail
    assert listener.connections == []
    return error


def accepted(data, listener):
    [feature] = read_features(upload(data), municipality())
    assert listener.connections == []
    return feature


def geojson(**members):
    """The sentrum polygon as a FeatureCollection, with extra members at the top."""
    document = json.loads(sentrum_geojson())
    document.update(members)
    return document


def link(url, kind="link"):
    return {"type": kind, "properties": {"href": url, "url": url, "type": "ogcwkt"}}


# --- GeoJSON --------------------------------------------------------------------------------------

def _collection_crs(url):
    return geojson(crs=link(url))


def _url_type(url):
    return geojson(crs=link(url, "url"))


def _feature_crs(url):
    document = geojson()
    document["features"][0]["crs"] = link(url)
    return document


def _geometry_crs(url):
    document = geojson()
    document["features"][0]["geometry"]["crs"] = link(url)
    return document


def _collection_member_crs(url):
    document = geojson()
    feature = document["features"][0]
    feature["geometry"] = {"type": "GeometryCollection", "geometries": [dict(feature["geometry"], crs=link(url))]}
    return document


def _bare_geometry(url):
    return dict(geojson()["features"][0]["geometry"], crs=link(url))


def _crs_name_is_url(url):
    return geojson(crs={"type": "name", "properties": {"name": f"{url}/crs.wkt"}})


def _crs_name_is_path(url):
    return geojson(crs={"type": "name", "properties": {"name": "/etc/hostname"}})


GEOJSON_CASES = [_collection_crs, _url_type, _feature_crs, _geometry_crs, _collection_member_crs,
                 _bare_geometry, _crs_name_is_url, _crs_name_is_path]


@pytest.mark.parametrize("case", GEOJSON_CASES, ids=[c.__name__.strip("_") for c in GEOJSON_CASES])
def test_geojson_naming_a_crs_elsewhere_is_refused(listener, case):
    error = refused(json.dumps(case(listener.url)).encode(), listener)
    assert "refers to something outside itself" in error.message


def test_the_reference_is_shown_to_the_planner(listener):
    error = refused(json.dumps(_collection_crs(listener.url)).encode(), listener)
    assert listener.url in error.message


def test_geojson_member_names_in_capitals(listener):
    # GDAL compares member names without case.
    data = json.dumps(geojson(CRS={"TYPE": "LINK", "PROPERTIES": {"HREF": listener.url}})).encode()
    refused(data, listener)


def test_geojson_crs_spelt_with_escapes(listener):
    data = json.dumps(_collection_crs(listener.url)).encode().replace(b'"crs"', b'"\\u0063rs"')
    refused(data, listener)


def test_geojson_with_a_harmless_crs_and_a_link_in_a_repeated_member(listener):
    # Python's parser keeps the last of two members of one name; another parser may keep the first.
    harmless = json.dumps({"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}})
    data = json.dumps(geojson(crs="PLACEHOLDER")).replace(
        '"crs": "PLACEHOLDER"', f'"crs": {json.dumps(link(listener.url))}, "crs": {harmless}')
    refused(data.encode(), listener)


def test_geojson_crs_names_that_are_codes_are_read(tmp_path, listener):
    # ogr2ogr writes urn:ogc:def:crs:EPSG::25832.
    assert accepted(build("geojson", sentrum_geojson(), tmp_path, 25832), listener).source_srid == 25832
    data = json.dumps(geojson(crs={"type": "name", "properties": {"name": "EPSG:4326"}})).encode()
    assert accepted(data, listener).source_srid == 4326


def test_links_among_attributes_and_unknown_members_are_not_followed(listener):
    feature = polygon(SENTRUM_RING, navn="Sentrum", plankart=f"{listener.url}/plankart.pdf",
                      crs={"type": "link", "properties": {"href": listener.url}})
    data = json.dumps({"type": "FeatureCollection", "$ref": f"{listener.url}/ref",
                       "$schema": f"{listener.url}/schema", "features": [feature]}).encode()
    assert accepted(data, listener).attributes["plankart"] == f"{listener.url}/plankart.pdf"


# --- GML, as GDAL writes it -----------------------------------------------------------------------

@pytest.fixture(scope="module")
def gml_file(tmp_path_factory):
    gml = build("gml", sentrum_geojson(), tmp_path_factory.mktemp("gml"), 25832).decode()
    assert 'srsName="urn:ogc:def:crs:EPSG::25832"' in gml and "<ogr:navn>Asker sentrum</ogr:navn>" in gml
    return gml


def with_doctype(gml, doctype, name="Asker sentrum"):
    declaration, rest = gml.split("\n", 1)
    rest = rest.replace("<ogr:navn>Asker sentrum</ogr:navn>", f"<ogr:navn>{name}</ogr:navn>")
    return f"{declaration}\n{doctype}\n{rest}".encode()


@pytest.mark.parametrize("doctype, name", [
    ('<!DOCTYPE ogr:FeatureCollection [<!ENTITY plan SYSTEM "{url}/entity">]>', "&plan;"),
    ('<!DOCTYPE ogr:FeatureCollection SYSTEM "{url}/plan.dtd">', "Asker sentrum"),
    ('<!DOCTYPE ogr:FeatureCollection [<!ENTITY % remote SYSTEM "{url}/remote.dtd"> %remote;]>', "Asker sentrum"),
    ('<!DOCTYPE ogr:FeatureCollection [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>', "&b;"),
], ids=["external-entity", "external-dtd", "parameter-entity", "entity-expansion"])
def test_gml_with_a_doctype_is_refused(gml_file, listener, doctype, name):
    error = refused(with_doctype(gml_file, doctype.format(url=listener.url), name), listener)
    assert "DOCTYPE" in error.message


def test_gml_with_an_xlink_elsewhere_is_refused(gml_file, listener):
    gml = gml_file.replace('xmlns:ogr="http://ogr.maptools.org/"',
                           'xmlns:ogr="http://ogr.maptools.org/" xmlns:xlink="http://www.w3.org/1999/xlink"')
    gml = gml.replace("<ogr:navn>Asker sentrum</ogr:navn>",
                      f'<ogr:navn>Asker sentrum</ogr:navn><ogr:kart xlink:href="{listener.url}/kart.gml#omrade"/>')
    assert listener.url in refused(gml.encode(), listener).message


def test_gml_with_an_xlink_inside_the_file_is_read(gml_file, listener):
    gml = gml_file.replace('xmlns:ogr="http://ogr.maptools.org/"',
                           'xmlns:ogr="http://ogr.maptools.org/" xmlns:xlink="http://www.w3.org/1999/xlink"')
    gml = gml.replace("<ogr:navn>Asker sentrum</ogr:navn>",
                      '<ogr:navn>Asker sentrum</ogr:navn><ogr:kart xlink:href="#a.geom.0"/>')
    assert accepted(gml.encode(), listener).source_srid == 25832


def test_gml_with_a_crs_to_fetch_is_refused(gml_file, listener):
    gml = gml_file.replace("urn:ogc:def:crs:EPSG::25832", f"{listener.url}/crs/25832")
    refused(gml.encode(), listener)


def test_gml_with_ogc_crs_urls_is_read(gml_file, listener):
    gml = gml_file.replace("urn:ogc:def:crs:EPSG::25832", "http://www.opengis.net/def/crs/EPSG/0/25832")
    assert accepted(gml.encode(), listener).source_srid == 25832


def test_gml_schema_location_is_never_fetched(gml_file, listener):
    # Nearly every GML file names its schema on the web; it is read, and the schema left alone.
    gml = gml_file.replace("http://ogr.maptools.org/ plan.xsd", f"http://ogr.maptools.org/ {listener.url}/plan.xsd")
    assert accepted(gml.encode(), listener).label == "Asker sentrum"


# --- GeoPackage and Shapefile ---------------------------------------------------------------------

def test_geopackage_with_a_virtual_table_that_opens_a_url_is_refused(tmp_path, listener):
    path = tmp_path / "plan.gpkg"
    path.write_bytes(build("gpkg", sentrum_geojson(), tmp_path / "src"))
    with sqlite3.connect(path) as db:
        # What a hostile writer puts in the schema; SQLite itself would not create the table
        # without GDAL's module loaded.
        db.execute("PRAGMA writable_schema=ON")
        db.execute("INSERT INTO sqlite_master (type, name, tbl_name, rootpage, sql) VALUES "
                   "('table', 'remote', 'remote', 0, ?)",
                   (f"CREATE VIRTUAL TABLE remote USING VirtualOGR('/vsicurl/{listener.url}/plan.geojson')",))
    db.close()
    assert "VirtualOGR" in refused(path.read_bytes(), listener).message


def test_geopackage_spatial_index_is_read(tmp_path, listener):
    gpkg = build("gpkg", sentrum_geojson(), tmp_path)
    assert b"USING rtree" in gpkg  # ogr2ogr's spatial index is an R-tree virtual table
    assert accepted(gpkg, listener).label == "Asker sentrum"


def test_shapefile_prj_naming_a_grid_on_the_web_is_not_followed(tmp_path, listener):
    build("shapefile", sentrum_geojson(), tmp_path, 25832)
    members = shapefile_members(tmp_path / "plan.shp")
    members["plan.prj"] = members["plan.prj"].rstrip()[:-1] + (
        f',EXTENSION["PROJ4","+proj=utm +zone=32 +ellps=GRS80 +nadgrids={listener.url}/grid.tif '
        f'+geoidgrids={listener.url}/geoid.tif +units=m"]]').encode()
    assert accepted(zip_bytes(members), listener).source_srid == 25832


# --- GDAL and PROJ off the network, even for what the checks let through --------------------------

def test_gdal_and_proj_network_access_is_off():
    assert offline.config_option("GML_PARSER") == "EXPAT"
    assert offline.config_option("GML_SKIP_RESOLVE_ELEMS") == "ALL"
    assert offline.config_option("PROJ_NETWORK") == "OFF"
    assert offline.proj_network_enabled() is False


def test_gdal_fetches_no_url(listener):
    with pytest.raises(GDALException):
        SpatialReference(f"{listener.url}/crs.wkt")
    with pytest.raises(GDALException):
        DataSource(f"/vsicurl/{listener.url}/plan.geojson")
    assert listener.connections == []
    assert f"{listener.url}/crs.wkt" in offline.refused_urls


def test_reader_alone_fetches_no_geojson_crs_link(tmp_path, listener):
    path = tmp_path / "upload.geojson"
    path.write_text(json.dumps(_collection_crs(f"{listener.url}/crs.wkt")))
    try:
        raws = reading.read_raw_features(path, storage.GEOJSON, 10)
    except GeoFileError as error:
        assert "LISTENER-ANSWER" not in error.message + error.detail
    else:
        assert raws[0].srid == 4326  # GDAL's default, not the listener's answer
    assert listener.connections == []


@pytest.mark.parametrize("variable, value", [("GML_PARSER", "XERCES"), ("GML_SKIP_RESOLVE_ELEMS", "NONE")])
def test_environment_cannot_turn_gml_fetching_back_on(gml_file, tmp_path, listener, monkeypatch, variable, value):
    monkeypatch.setenv(variable, value)
    gml = with_doctype(gml_file, f'<!DOCTYPE ogr:FeatureCollection SYSTEM "{listener.url}/plan.dtd">')
    gml = gml.replace(b'xmlns:ogr="http://ogr.maptools.org/"',
                      b'xmlns:ogr="http://ogr.maptools.org/" xmlns:xlink="http://www.w3.org/1999/xlink"')
    gml = gml.replace(b"<ogr:navn>Asker sentrum</ogr:navn>",
                      f'<ogr:navn>Asker sentrum</ogr:navn><ogr:kart xlink:href="{listener.url}/kart.gml#x"/>'.encode())
    path = tmp_path / "upload.gml"
    path.write_bytes(gml)
    try:
        reading.read_raw_features(path, storage.GML, 10)
    except GeoFileError:
        pass  # a refusal is fine; a request is not
    assert listener.connections == []
