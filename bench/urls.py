"""The site's URLs plus two yardsticks served by the same gunicorn and loaded by the same wrk:

- `/_bench/floor/`: a Django view that makes one PostgreSQL query and returns 15 KB, the most a
  page of ours could hope for on this machine;
- `/_bench/raw-projects.geojson`: the projects layer built entirely by PostGIS (the features and
  their properties as one JSON document, by the endpoint's own SQL), the least the map-data
  endpoint could cost without a cache;
- `/_bench/uncached/<layer>.geojson` and `/_bench/uncached/medvirkning/<slug>/`: the map
  endpoint and a consultation's page themselves, past the page cache.
"""

from django.contrib.auth.models import AnonymousUser
from django.contrib.gis.geos import Polygon
from django.db import connection
from django.http import HttpResponse

from asker.urls import urlpatterns as site_urlpatterns
from django.urls import path
from django.views.decorators.http import require_safe
from participation import views as participation_views
from places import mapdata, views
from places.models import Municipality

FLOOR_BODY = ("<!doctype html><title>floor</title>" + "<p>" + "x" * 96 + "</p>\n" * 150).encode()


def floor(request):
    Municipality.objects.only("pk").first()
    return HttpResponse(FLOOR_BODY)


def raw_projects(request):
    """The projects layer's own SQL (places.mapdata.projects_document_sql, the same document the
    endpoint sends), run on a cursor and sent: no validation, no visibility check by role beyond
    the public's, no cache, no conditional request."""
    bbox = Polygon.from_bbox(tuple(float(v) for v in request.GET["bbox"].split(",")))
    bbox.srid = 4326
    sql, params = mapdata.projects_document_sql(AnonymousUser(), bbox, int(request.GET.get("zoom", 10)))
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        body = cursor.fetchone()[0]
    return HttpResponse(body, content_type="application/geo+json")


# The endpoint as it is, but past its page cache (asker/pagecache.py): what the first request
# after a change costs.
uncached_map_layer = require_safe(views.map_layer.__wrapped__.__wrapped__)
uncached_consultation = require_safe(participation_views.consultation_detail.__wrapped__.__wrapped__)


urlpatterns = [
    path("_bench/floor/", floor),
    path("_bench/raw-projects.geojson", raw_projects),
    path("_bench/uncached/<str:layer>.geojson", uncached_map_layer),
    path("_bench/uncached/medvirkning/<slug:slug>/", uncached_consultation),
] + site_urlpatterns
