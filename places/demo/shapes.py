"""Geometry for the demo data: the shipped files, and approximate shapes around known points.

Demo areas are drawn in metres (EUREF89 UTM32) around a centre's point and clipped to the
municipality, so they stay inside it however coarse the centre's coordinate is.
"""

import csv
import json
from pathlib import Path

from django.contrib.gis.geos import GEOSGeometry, MultiPolygon, Point, Polygon

from places.geometry import UTM32, WGS84, transformed

DATA_DIR = Path(__file__).resolve().parent / "data"


def read_geojson(name):
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))


def read_csv(name):
    with open(DATA_DIR / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def feature_geometry(feature):
    return as_multipolygon(GEOSGeometry(json.dumps(feature["geometry"]), srid=WGS84))


def as_multipolygon(geom):
    """The model fields are MultiPolygons; clipping can also yield polygons or collections."""
    if geom.geom_type == "MultiPolygon":
        return geom
    if geom.geom_type == "Polygon":
        return MultiPolygon(geom, srid=geom.srid)
    if geom.geom_type == "GeometryCollection":
        polygons = []
        for part in geom:
            if part.geom_type == "Polygon":
                polygons.append(part)
            elif part.geom_type == "MultiPolygon":
                polygons.extend(part)
        if polygons:
            return MultiPolygon(*polygons, srid=geom.srid)
    raise ValueError(f"expected an area, got {geom.geom_type}")


def to_utm(geom):
    return transformed(geom, UTM32)


def to_wgs84(geom):
    return transformed(geom, WGS84)


def moved(point, dx, dy):
    """The point dx metres east and dy metres north of `point` (WGS84 in, WGS84 out)."""
    projected = to_utm(point)
    return to_wgs84(Point(projected.x + dx, projected.y + dy, srid=UTM32))


def box_around(point, dx, dy, width, height, clip_to):
    """A width × height metre box centred dx, dy metres from `point`, clipped to `clip_to`.

    `clip_to` is an area in UTM32 (the municipality), so a box at a coastal centre loses its
    part in the sea instead of failing the inside-the-municipality rule.
    """
    centre = to_utm(point)
    x, y = centre.x + dx, centre.y + dy
    box = Polygon.from_bbox((x - width / 2, y - height / 2, x + width / 2, y + height / 2))
    box.srid = UTM32
    clipped = box.intersection(clip_to)
    if clipped.empty:
        raise ValueError(f"a box {dx}, {dy} m from {point.coords} lies outside the municipality")
    return to_wgs84(as_multipolygon(clipped))


def distance_m(a, b):
    return to_utm(a).distance(to_utm(b))
