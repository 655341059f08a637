"""GeoJSON for the public maps, always bounded by a bounding box and a feature cap.

On PostGIS the database builds the whole document (json_build_object over the rows) and its
text is the response body; on SpatiaLite (`make run`) the database writes each geometry as
GeoJSON and the features are joined here as text. Either way no geometry is parsed in Python.
"""

import json

from django.conf import settings
from django.contrib.gis.db.models.functions import AsGeoJSON
from django.contrib.gis.geos import Polygon
from django.db import connection
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


def cache_privately_if_signed_in(request, response):
    """Public map data may be kept by anyone, but asked for again each time (the ETag makes that
    a 304 until something changes, asker/pagecache.py); what a signed-in user gets may hold
    confidential projects and is not stored at all."""
    if request.user.is_authenticated:
        response["Cache-Control"] = "private, no-store"
    else:
        response["Cache-Control"] = "public, no-cache"
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


# --- Built by PostGIS -------------------------------------------------------------------------
# On PostgreSQL the whole document is one json_build_object over the layer's rows, and its text
# is the response body: no row reaches Python. Each layer below says its properties once, as
# (name, SQL over the row `s`, parameters); the Python path (SpatiaLite, `make run`) builds the
# same document from the same rows.


def in_database():
    return connection.vendor == "postgresql"


def _url_prefix(name):
    """The path of `name` up to its slug, in the active language ("/en/prosjekter/")."""
    return reverse(name, args=["0"])[: -len("0/")]


def _labels_sql(column, choices):
    """A CASE that gives each choice's label in the active language."""
    whens, params = [], []
    for value, label in choices:
        whens.append("WHEN %s THEN %s")
        params += [value, str(label)]
    return f"CASE {column} {' '.join(whens)} END", params


def document_sql(queryset, properties, limit):
    """SQL (and its parameters) that returns the FeatureCollection of `queryset`'s rows as text.

    `queryset` is a values() query with a `geo` column (AsGeoJSON) and an `id`, ordered, of at most
    limit + 1 rows; `properties` are (name, SQL over `s`, parameters). One row more than `limit`
    only says the document is truncated."""
    inner, params = queryset.query.sql_with_params()
    fields, field_params = [], []
    for name, sql, sql_params in properties:
        fields.append(f"%s, {sql}")
        field_params += [name, *sql_params]
    sql = f"""
        SELECT json_build_object(
            'type', 'FeatureCollection',
            'truncated', count(*) > %s,
            'features', coalesce(json_agg(json_build_object(
                'type', 'Feature', 'geometry', s.geo::json,
                'properties', json_build_object({", ".join(fields)})
            ) ORDER BY s.n) FILTER (WHERE s.n <= %s), '[]'::json)
        )::text
        FROM (SELECT r.*, row_number() OVER (ORDER BY r.id) AS n FROM ({inner}) AS r) AS s
    """
    return sql, [limit, *field_params, limit, *params]


def _fetch_document(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]


def centres_rows(bbox, zoom, centre=None):
    qs = Centre.objects.filter(location__intersects=bbox)
    if centre is not None:
        qs = qs.filter(pk=centre.pk)
    # Only the main centres when zoomed far out, so the map stays readable.
    if zoom < 10:
        qs = qs.exclude(level=Centre.Level.NAERSENTER)
    return qs.annotate(geo=AsGeoJSON("location", precision=PRECISION)).order_by("pk")


def centres_geojson(bbox, zoom, centre=None):
    limit = settings.MAP_MAX_FEATURES
    qs = centres_rows(bbox, zoom, centre)
    if in_database():
        label, label_params = _labels_sql("s.level", Centre.Level.choices)
        properties = [
            ("name", "s.name", []),
            ("url", "%s || s.slug || '/'", [_url_prefix("places:centre")]),
            ("level", "s.level", []),
            ("level_label", label, label_params),
        ]
        return _fetch_document(*document_sql(qs.values("id", "geo", "name", "slug", "level")[: limit + 1],
                                             properties, limit))
    labels = dict(Centre.Level.choices)
    rows = [
        (geo, {"name": name, "url": reverse("places:centre", args=[slug]), "level": level, "level_label": str(labels[level])})
        for geo, name, slug, level in qs.values_list("geo", "name", "slug", "level")[: limit + 1]
    ]
    return _collection(rows, limit)


def projects_rows(user, bbox, zoom, centre=None):
    """Public (or, for planners, all current) projects in `bbox`, with their dwellings and years
    (with_totals() is the one rule for those; the phases are aggregated in the same query), the
    point or the area as `geo`, and the map point as `lon`, `lat`."""
    qs = DevelopmentProject.objects.visible_to(user).filter(location__intersects=bbox)
    if centre is not None:
        qs = qs.filter(centre=centre)
    field = geometry_field(zoom)
    return (
        qs.exclude(**{f"{field}__isnull": True})
        .with_totals()
        .annotate(geo=AsGeoJSON(field, precision=PRECISION), lon=X("location"), lat=Y("location"))
        .order_by("pk")
    )


def geometry_field(zoom):
    return "geometry" if zoom >= POLYGON_MIN_ZOOM else "location"


PROJECT_COLUMNS = ("id", "geo", "name", "slug", "status", "dwellings", "first_year", "last_year", "visibility",
                   "lon", "lat")


def projects_document_sql(user, bbox, zoom, centre=None):
    """The projects layer as one SQL statement (PostgreSQL): the endpoint's, and the benchmark's
    yardstick (bench/urls.py) runs the very same."""
    limit = settings.MAP_MAX_FEATURES
    qs = projects_rows(user, bbox, zoom, centre).values(*PROJECT_COLUMNS)[: limit + 1]
    label, label_params = _labels_sql("s.status", DevelopmentProject.Status.choices)
    properties = [
        ("name", "s.name", []),
        ("url", "%s || s.slug || '/'", [_url_prefix("places:project")]),
        ("status", "s.status", []),
        ("status_label", label, label_params),
        ("dwellings", "s.dwellings", []),
        ("first_year", "s.first_year", []),
        ("last_year", "s.last_year", []),
        ("confidential", "s.visibility = %s", [DevelopmentProject.Visibility.CONFIDENTIAL.value]),
    ]
    if geometry_field(zoom) == "geometry":
        # Its map point too, so the map can still give an area a marker that keyboard and
        # screen-reader users reach.
        properties.append(("point", f"json_build_array(round(s.lon::numeric, {PRECISION})::float8, "
                                    f"round(s.lat::numeric, {PRECISION})::float8)", []))
    return document_sql(qs, properties, limit)


def projects_geojson(user, bbox, zoom, centre=None):
    """Points when zoomed out, areas from POLYGON_MIN_ZOOM on. An area carries its map point as
    `point`, so the map can still give it a marker that keyboard and screen-reader users reach."""
    if in_database():
        return _fetch_document(*projects_document_sql(user, bbox, zoom, centre))
    limit = settings.MAP_MAX_FEATURES
    field = geometry_field(zoom)
    qs = projects_rows(user, bbox, zoom, centre).values_list(*PROJECT_COLUMNS[1:])[: limit + 1]
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
    limit = settings.MAP_MAX_FEATURES
    qs = (
        Municipality.objects.filter(boundary__intersects=bbox)
        .annotate(geo=AsGeoJSON("boundary", precision=precision))
        .order_by("pk")
    )
    if in_database():
        properties = [("name", "s.name", []), ("number", "s.number", [])]
        return _fetch_document(*document_sql(qs.values("id", "geo", "name", "number")[: limit + 1],
                                             properties, limit))
    rows = [(geo, {"name": name, "number": number})
            for geo, name, number in qs.values_list("geo", "name", "number")[: limit + 1]]
    return _collection(rows, limit)
