"""GeoJSON for the public maps, always bounded by a bounding box and a feature cap.

The database writes each geometry as GeoJSON (AsGeoJSON on PostGIS and SpatiaLite alike), and
the features are joined as text, so no geometry is parsed in Python on the hot path.
"""

import json

from django.conf import settings
from django.contrib.gis.db.models.functions import AsGeoJSON
from django.contrib.gis.geos import Polygon
from django.db.models import FloatField, Func
from django.urls import reverse
from django.utils.translation import gettext as _

from .models import Centre, DevelopmentProject, Municipality

# Below this zoom a project is a point; from it on, its area is drawn too.
POLYGON_MIN_ZOOM = 13
PRECISION = 6  # about 10 cm: more is noise for a web map


class X(Func):
    function = "ST_X"
    output_field = FloatField()


class Y(Func):
    function = "ST_Y"
    output_field = FloatField()


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


def cache_privately_if_signed_in(request, response, max_age=60):
    """Public map data may be cached by anyone for a while; what a signed-in user gets may hold
    confidential projects and is not stored at all."""
    if request.user.is_authenticated:
        response["Cache-Control"] = "private, no-store"
    else:
        response["Cache-Control"] = f"public, max-age={max_age}"
    response["Vary"] = "Cookie"
    return response


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
    """Public (or, for planners, all current) projects in `bbox`: points when zoomed out, areas
    from POLYGON_MIN_ZOOM on. An area carries its map point as `point`, so the map can still
    give it a marker that keyboard and screen-reader users reach."""
    qs = DevelopmentProject.objects.visible_to(user).filter(location__intersects=bbox)
    if centre is not None:
        qs = qs.filter(centre=centre)
    field = "geometry" if zoom >= POLYGON_MIN_ZOOM else "location"
    limit = settings.MAP_MAX_FEATURES
    # with_totals() is the one rule for a project's dwellings and years; the phases are
    # aggregated in the same query.
    qs = (
        qs.exclude(**{f"{field}__isnull": True})
        .with_totals()
        .annotate(geo=AsGeoJSON(field, precision=PRECISION), lon=X("location"), lat=Y("location"))
        .values_list("geo", "name", "slug", "status", "dwellings", "first_year", "last_year", "visibility",
                     "lon", "lat")
        .order_by("pk")[: limit + 1]
    )
    labels = dict(DevelopmentProject.Status.choices)
    rows = []
    for geo, name, slug, status, dwellings, first_year, last_year, visibility, lon, lat in qs:
        properties = {
            "name": name,
            "url": reverse("places:project", args=[slug]),
            "status": status,
            "status_label": str(labels[status]),
            "dwellings": dwellings,
            "first_year": first_year,
            "last_year": last_year,
            "confidential": visibility == DevelopmentProject.Visibility.CONFIDENTIAL,
        }
        if field == "geometry":
            properties["point"] = [round(lon, PRECISION), round(lat, PRECISION)]
        rows.append((geo, properties))
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
