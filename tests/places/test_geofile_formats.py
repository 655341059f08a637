"""Every accepted format in every accepted coordinate system comes back as the same area, in
lon/lat order, whatever the file is called."""

import json

import pytest
from django.utils import translation
from django.contrib.gis.gdal import SpatialReference
from django.contrib.gis.geos import MultiPolygon, Polygon

from places.geofile import Feature, merge, read_features
from places.geofile.reading import identify_srid
from places.geometry import area_m2

from .test_geofile_support import (
    SENTRUM_EXTENT,
    SENTRUM_RING,
    build,
    collection,
    geometry_feature,
    municipality,
    ogr2ogr,
    polygon,
    sentrum_geojson,
    shapefile_members,
    square,
    upload,
    zip_bytes,
)

SENTRUM = MultiPolygon(Polygon(SENTRUM_RING), srid=4326)

# EUREF89 UTM32 as a .prj from a tool that writes its own names and no EPSG authority.
UTM32_WITHOUT_AUTHORITY = (
    'PROJCS["Plan UTM 32",GEOGCS["EUREF89",DATUM["European_Terrestrial_Reference_System_1989",'
    'SPHEROID["GRS 1980",6378137,298.257222101]],PRIMEM["Greenwich",0],'
    'UNIT["degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],'
    'PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",9],PARAMETER["scale_factor",0.9996],'
    'PARAMETER["false_easting",500000],PARAMETER["false_northing",0],UNIT["metre",1]]'
)

@pytest.fixture(autouse=True)
def _english_messages():
    # The assertions read the messages' English wording; bokmål is checked in the workspace tests.
    with translation.override("en"):
        yield



def assert_is_sentrum(feature, source_srid):
    assert isinstance(feature, Feature)
    assert feature.source_srid == source_srid
    geom = feature.geometry
    assert geom.geom_type == "MultiPolygon" and geom.srid == 4326 and geom.valid
    # Lon first: a lat/lon mix-up would put x near 59.8.
    assert geom.extent == pytest.approx(SENTRUM_EXTENT, abs=1e-6)
    # Ring direction and start differ between writers (Shapefile turns rings clockwise).
    assert geom.normalize(clone=True).equals_exact(SENTRUM.normalize(clone=True), 1e-6)
    assert feature.area_m2 == pytest.approx(area_m2(SENTRUM), rel=1e-5)
    assert 1_000_000 < feature.area_m2 < 2_000_000
    assert feature.repaired is False and feature.problem == ""


@pytest.mark.parametrize("srid", [4326, 25832, 25833])
@pytest.mark.parametrize("fmt", ["geojson", "shapefile", "gml", "gpkg"])
def test_each_format_in_each_coordinate_system(tmp_path, fmt, srid):
    data = build(fmt, sentrum_geojson(), tmp_path, srid)

    [feature] = read_features(upload(data, "whatever.bin"), municipality())

    assert_is_sentrum(feature, srid)
    assert feature.index == 0
    assert feature.label == "Asker sentrum"
    assert feature.attributes["navn"] == "Asker sentrum"
    assert feature.attributes["plannr"] == 42


def test_the_name_does_not_decide(tmp_path):
    gpkg = build("gpkg", sentrum_geojson(), tmp_path)
    [feature] = read_features(upload(gpkg, "plan.geojson"), municipality())
    assert_is_sentrum(feature, 4326)


def test_geopackage_without_its_application_id(tmp_path):
    """Older writers leave the GeoPackage mark out of the SQLite header."""
    gpkg = bytearray(build("gpkg", sentrum_geojson(), tmp_path, 25833))
    assert gpkg[68:72] == b"GPKG"
    gpkg[68:72] = bytes(4)
    [feature] = read_features(upload(bytes(gpkg)), municipality())
    assert_is_sentrum(feature, 25833)


def test_geojson_without_crs_is_wgs84_and_crs84_is_accepted():
    plain = read_features(upload(sentrum_geojson()), municipality())
    crs84 = read_features(
        upload(collection(polygon(SENTRUM_RING), crs="urn:ogc:def:crs:OGC:1.3:CRS84")), municipality()
    )
    assert_is_sentrum(plain[0], 4326)
    assert_is_sentrum(crs84[0], 4326)


GML_32_URN = """<?xml version="1.0" encoding="UTF-8"?>
<app:Planer xmlns:app="http://example.org/plan" xmlns:gml="http://www.opengis.net/gml/3.2" gml:id="c1">
  <app:member>
    <app:Plan gml:id="p1">
      <app:navn>Asker sentrum</app:navn>
      <app:omrade>
        <gml:Polygon gml:id="g1" srsName="urn:ogc:def:crs:EPSG::4326">
          <gml:exterior><gml:LinearRing><gml:posList>{latlon}</gml:posList></gml:LinearRing></gml:exterior>
        </gml:Polygon>
      </app:omrade>
    </app:Plan>
  </app:member>
</app:Planer>
"""

GML_2_SHORT = """<?xml version="1.0" encoding="UTF-8"?>
<app:Planer xmlns:app="http://example.org/plan" xmlns:gml="http://www.opengis.net/gml">
  <gml:featureMember>
    <app:Plan>
      <app:navn>Asker sentrum</app:navn>
      <app:omrade>
        <gml:Polygon srsName="EPSG:4326">
          <gml:outerBoundaryIs><gml:LinearRing><gml:coordinates>{lonlat}</gml:coordinates></gml:LinearRing></gml:outerBoundaryIs>
        </gml:Polygon>
      </app:omrade>
    </app:Plan>
  </gml:featureMember>
</app:Planer>
"""


def test_gml_axis_order_follows_the_srs_name():
    """The EPSG URN puts latitude first, the old 'EPSG:4326' form longitude first; both must
    come out as lon/lat."""
    latlon = " ".join(f"{lat} {lon}" for lon, lat in SENTRUM_RING)
    lonlat = " ".join(f"{lon},{lat}" for lon, lat in SENTRUM_RING)

    [urn] = read_features(upload(GML_32_URN.format(latlon=latlon).encode()), municipality())
    [short] = read_features(upload(GML_2_SHORT.format(lonlat=lonlat).encode()), municipality())

    assert_is_sentrum(urn, 4326)
    assert_is_sentrum(short, 4326)
    assert urn.label == short.label == "Asker sentrum"


GML_ARC = """<?xml version="1.0" encoding="UTF-8"?>
<app:Planer xmlns:app="http://example.org/plan" xmlns:gml="http://www.opengis.net/gml/3.2" gml:id="c1">
  <app:member>
    <app:Plan gml:id="p1">
      <app:omrade>
        <gml:Polygon gml:id="g1" srsName="urn:ogc:def:crs:EPSG::25832">
          <gml:exterior><gml:Ring><gml:curveMember><gml:Curve gml:id="c2"><gml:segments>
            <gml:Arc><gml:posList>580000 6633000 580100 6633100 580200 6633000</gml:posList></gml:Arc>
            <gml:LineStringSegment><gml:posList>580200 6633000 580000 6633000</gml:posList></gml:LineStringSegment>
          </gml:segments></gml:Curve></gml:curveMember></gml:Ring></gml:exterior>
        </gml:Polygon>
      </app:omrade>
    </app:Plan>
  </app:member>
</app:Planer>
"""


def test_gml_arcs_become_straight_segments():
    [feature] = read_features(upload(GML_ARC.encode()), municipality())
    assert feature.source_srid == 25832
    assert feature.geometry.geom_type == "MultiPolygon" and feature.geometry.valid
    # A half disc of radius 100 m: π·100²/2.
    assert feature.area_m2 == pytest.approx(15_708, rel=0.01)


def test_heights_and_measures_are_dropped():
    ring = [(lon, lat, 80.0) for lon, lat in SENTRUM_RING]
    [feature] = read_features(upload(collection(polygon(ring))), municipality())
    assert not feature.geometry.hasz
    assert_is_sentrum(feature, 4326)


def test_shapefile_prj_without_epsg_authority_is_recognised(tmp_path):
    build("shapefile", sentrum_geojson(), tmp_path, 25832)
    members = shapefile_members(tmp_path / "plan.shp", folder="leveranse/")
    members["leveranse/plan.prj"] = UTM32_WITHOUT_AUTHORITY.encode()

    [feature] = read_features(upload(zip_bytes(members)), municipality())

    assert_is_sentrum(feature, 25832)
    assert feature.layer == "plan"


def test_identify_srid_matches_equivalent_definitions():
    assert identify_srid(SpatialReference(UTM32_WITHOUT_AUTHORITY)) == 25832
    esri_wgs84 = ('GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],'
                  'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]')
    assert identify_srid(SpatialReference(esri_wgs84)) == 4326
    assert identify_srid(SpatialReference(3857)) == 3857
    # Heights: x and y are in the horizontal part.
    assert identify_srid(SpatialReference(4979)) == 4326
    assert identify_srid(SpatialReference(5972)) == 25832  # UTM32 + NN2000
    assert identify_srid(SpatialReference(5973)) == 25833
    # Same projection on another ellipsoid is another system.
    assert identify_srid(SpatialReference("+proj=utm +zone=32 +ellps=intl +units=m")) is None


def test_zipped_shapefile_in_a_folder_with_macos_metadata(tmp_path):
    build("shapefile", sentrum_geojson(), tmp_path, 25833)
    members = shapefile_members(tmp_path / "plan.shp", folder="plan/")
    members["__MACOSX/plan/._plan.shp"] = b"\x00\x05\x16\x07 resource fork"
    members["plan/LESMEG.txt"] = b"Levert av konsulent"

    [feature] = read_features(upload(zip_bytes(members)), municipality())

    assert_is_sentrum(feature, 25833)


def several():
    return collection(
        polygon(square(10.440, 59.830), plannavn="Felt A", navn="ignored: plannavn comes first"),
        polygon(square(10.442, 59.830), NAVN="Felt B"),
        polygon(square(10.441, 59.831), kommentar="no name"),
    )


@pytest.mark.parametrize("fmt", ["geojson", "shapefile", "gml", "gpkg"])
def test_several_features_each_become_a_feature(tmp_path, fmt):
    data = several() if fmt == "geojson" else build(fmt, several(), tmp_path, 25832)

    features = read_features(upload(data), municipality())

    assert [f.index for f in features] == [0, 1, 2]
    assert [f.label for f in features] == ["Felt A", "Felt B", "Object 3"]
    for f in features:
        assert f.geometry.srid == 4326 and f.geometry.valid
        assert f.area_m2 == pytest.approx(area_m2(MultiPolygon(Polygon(square(10.44, 59.83)), srid=4326)), rel=1e-3)


def test_merge_is_the_union_as_one_multipolygon():
    a, b, c = read_features(upload(several()), municipality())

    touching = merge([a, b])  # A and B share an edge
    overlapping = merge([a, b, c])  # C overlaps both
    single = merge([c])

    for merged in (touching, overlapping, single):
        assert merged.geom_type == "MultiPolygon" and merged.srid == 4326 and merged.valid
    assert area_m2(touching) == pytest.approx(a.area_m2 + b.area_m2, rel=1e-6)
    assert len(touching) == 1  # one polygon, the shared edge dissolved
    assert area_m2(overlapping) < a.area_m2 + b.area_m2 + c.area_m2
    assert area_m2(single) == pytest.approx(c.area_m2)
    with pytest.raises(ValueError):
        merge([])


def test_separate_areas_merge_into_several_polygons():
    far_apart = collection(polygon(square(10.40, 59.80)), polygon(square(10.50, 59.70)))
    merged = merge(read_features(upload(far_apart), municipality()))
    assert len(merged) == 2


def test_points_and_lines_beside_areas_are_left_out(tmp_path):
    """Plan files carry boundary lines and label points in layers of their own."""
    gpkg = tmp_path / "plan.gpkg"
    (tmp_path / "areas.geojson").write_bytes(sentrum_geojson())
    (tmp_path / "lines.geojson").write_bytes(collection(
        geometry_feature({"type": "LineString", "coordinates": [[10.43, 59.83], [10.44, 59.83]]}, navn="grense"),
    ))
    ogr2ogr(tmp_path / "areas.geojson", gpkg, "gpkg", 25832, ["-nln", "RpOmrade"])
    ogr2ogr(tmp_path / "lines.geojson", gpkg, "gpkg", 25832, ["-update", "-nln", "RpGrense"])
    mixed = collection(
        polygon(SENTRUM_RING, navn="Asker sentrum"),
        geometry_feature({"type": "Point", "coordinates": [10.44, 59.83]}, navn="påskrift"),
        geometry_feature(None, navn="uten geometri"),
    )

    [from_layers] = read_features(upload(gpkg.read_bytes()), municipality())
    [from_features] = read_features(upload(mixed), municipality())

    assert from_layers.layer == "RpOmrade"
    assert_is_sentrum(from_layers, 25832)
    assert_is_sentrum(from_features, 4326)


def test_attributes_are_simple_values():
    data = json.dumps({"type": "FeatureCollection", "features": [polygon(
        SENTRUM_RING, navn="Asker <sentrum> & «torg»", vedtatt="2024-05-01", hoyde=12.5, antall=3, tom=None,
    )]}).encode()

    [feature] = read_features(upload(data), municipality())

    assert feature.attributes == {
        "navn": "Asker <sentrum> & «torg»",  # raw: templates escape
        "vedtatt": "2024-05-01",
        "hoyde": 12.5,
        "antall": 3,
        "tom": None,
    }
    assert feature.label == "Asker <sentrum> & «torg»"
