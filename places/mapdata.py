"""GeoJSON for the public maps, always bounded by a bounding box and a feature cap.

The database writes each geometry as GeoJSON (AsGeoJSON on PostGIS and SpatiaLite alike), and
the features are joined as text, so no geometry is parsed in Python on the hot path.
"""

import json

from django.conf import settings
from django.contrib.gis.db.models.functions import AsGeoJSON
from django.contrib.gis.geos import Polygon
from django.urls import reverse
from django.utils.translation import gettext as _

from .models import Centre, DevelopmentProject, Municipality

# Below this zoom a project is a point; from it on, its area is drawn too.
POLYGON_MIN_ZOOM = 13
PRECISION = 6  # about 10 cm: more is noise for a web map


class BadRequest(ValueError):
    """A map-data request the client must fix; the message is for people."""


def parse_bbox(value):
    """`minlon,minlat,maxlon,maxlat` in WGS84 as a polygon; a missing bbox means Norway."""
    if not value:
        return Polygon.from_bbox((4.0, 57.5, 31.5, 71.5))
    try:
        minx, miny, maxx, maxy = (float(v) for v in value.split(","))
    except ValueError:
        raise BadRequest(_("The bbox must be four numbers: min longitude, min latitude, max longitude, max latitude."))
    if not (-180 <= minx < maxx <= 180 and -90 <= miny < maxy <= 90):
        raise BadRequest(_("The bbox is outside the world or its corners are in the wrong order."))
    bbox = Polygon.from_bbox((minx, miny, maxx, maxy))
    bbox.srid = 4326
    return bbox


def parse_zoom(value):
    if value in (None, ""):
        return 10
    try:
        zoom = int(value)
    except ValueError:
        raise BadRequest(_("The zoom must be a whole number from 0 to 22."))
    if not 0 <= zoom <= 22:
        raise BadRequest(_("The zoom must be a whole number from 0 to 22."))
    return zoom


def _collection(rows, limit):
    features = []
    for geometry, properties in rows[:limit]:
        features.append(
            '{"type":"Feature","geometry":%s,"properties":%s}'
            % (geometry, json.dumps(properties, ensure_ascii=False))
        )
    truncated = len(rows) > limit
    return '{"type":"FeatureCollection","truncated":%s,"features":[%s]}' % (
        "true" if truncated else "false",
        ",".join(features),
    )


def centres_geojson(bbox, zoom, centre=None):
    qs = Centre.objects.filter(location__intersects=bbox)
    if centre is not None:
        qs = qs.filter(pk=centre.pk)
    # Only the main centres when zoomed far out, so the map stays readable.
    if zoom < 10:
        qs = qs.exclude(level=Centre.Level.NAERSENTER)
    limit = settings.MAP_MAX_FEATURES
    qs = qs.annotate(geo=AsGeoJSON("location", precision=PRECISION)).values_list(
        "geo", "name", "slug", "level"
    )[: limit + 1]
    labels = dict(Centre.Level.choices)
    rows = [
        (geo, {"name": name, "url": reverse("places:centre", args=[slug]), "level": level, "level_label": str(labels[level])})
        for geo, name, slug, level in qs
    ]
    return _collection(rows, limit)


def projects_geojson(user, bbox, zoom, centre=None):
    qs = DevelopmentProject.objects.visible_to(user).filter(location__intersects=bbox)
    if centre is not None:
        qs = qs.filter(centre=centre)
    field = "geometry" if zoom >= POLYGON_MIN_ZOOM else "location"
    limit = settings.MAP_MAX_FEATURES
    qs = (
        qs.exclude(**{f"{field}__isnull": True})
        .annotate(geo=AsGeoJSON(field, precision=PRECISION))
        .values_list("geo", "name", "slug", "status", "flats", "terraced", "detached", "visibility")
        .order_by("pk")[: limit + 1]
    )
    labels = dict(DevelopmentProject.Status.choices)
    rows = [
        (
            geo,
            {
                "name": name,
                "url": reverse("places:project", args=[slug]),
                "status": status,
                "status_label": str(labels[status]),
                "dwellings": flats + terraced + detached,
                "confidential": visibility == DevelopmentProject.Visibility.CONFIDENTIAL,
            },
        )
        for geo, name, slug, status, flats, terraced, detached, visibility in qs
    ]
    return _collection(rows, limit)


def boundary_geojson(bbox, zoom):
    # Coarser geometry when zoomed out: the boundary is the largest shape on the page.
    precision = 3 if zoom < 9 else 4 if zoom < 12 else PRECISION
    qs = (
        Municipality.objects.filter(boundary__intersects=bbox)
        .annotate(geo=AsGeoJSON("boundary", precision=precision))
        .values_list("geo", "name", "number")
    )
    rows = [(geo, {"name": name, "number": number}) for geo, name, number in qs]
    return _collection(rows, settings.MAP_MAX_FEATURES)
