"""The site's URLs plus two yardsticks served by the same gunicorn and loaded by the same wrk:

- `/_bench/floor/`: a Django view that makes one PostgreSQL query and returns 15 KB, the most a
  page of ours could hope for on this machine;
- `/_bench/raw-projects.geojson`: the projects layer built entirely by PostGIS (the features and
  their properties as one JSON document), the least the map-data endpoint could cost.
"""

from django.contrib.auth.models import AnonymousUser
from django.contrib.gis.db.models.functions import AsGeoJSON
from django.contrib.gis.geos import Polygon
from django.db import connection
from django.http import HttpResponse

from asker.urls import urlpatterns as site_urlpatterns
from django.urls import path
from places.mapdata import PRECISION
from places.models import DevelopmentProject, Municipality

FLOOR_BODY = ("<!doctype html><title>floor</title>" + "<p>" + "x" * 96 + "</p>\n" * 150).encode()


def floor(request):
    Municipality.objects.only("pk").first()
    return HttpResponse(FLOOR_BODY)


def raw_projects(request):
    minx, miny, maxx, maxy = (float(v) for v in request.GET["bbox"].split(","))
    bbox = Polygon.from_bbox((minx, miny, maxx, maxy))
    bbox.srid = 4326
    field = "geometry" if int(request.GET.get("zoom", 10)) >= 13 else "location"
    queryset = (
        DevelopmentProject.objects.visible_to(AnonymousUser()).filter(location__intersects=bbox)
        .exclude(**{f"{field}__isnull": True}).with_totals()
        .annotate(geo=AsGeoJSON(field, precision=PRECISION))
        .values_list("geo", "name", "slug", "status", "dwellings", "first_year", "last_year")
        .order_by("pk")[:2001]
    )
    sql, params = queryset.query.sql_with_params()
    document = f"""
        SELECT json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(
            json_build_object('type', 'Feature', 'geometry', s.geo::json, 'properties',
                json_build_object('name', s.name, 'url', '/prosjekter/' || s.slug || '/',
                                  'status', s.status, 'dwellings', s.dwellings,
                                  'first_year', s.first_year, 'last_year', s.last_year))
        ), '[]'::json))::text FROM ({sql}) AS s
    """
    with connection.cursor() as cursor:
        cursor.execute(document, params)
        body = cursor.fetchone()[0]
    return HttpResponse(body, content_type="application/geo+json")


urlpatterns = [
    path("_bench/floor/", floor),
    path("_bench/raw-projects.geojson", raw_projects),
] + site_urlpatterns
