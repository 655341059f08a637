"""The map drawn on the server: an SVG of the municipal boundary, the centres by level and the
projects by status, which a page's map box shows when JavaScript is off (places/_map.html).

Bounded like the map data: the area is the municipality, a bbox, or the surroundings of a centre
or a project; each layer is one query capped at MAP_MAX_FEATURES, and the boundary is simplified
to about a pixel. The database projects everything to UTM metres, so the picture keeps its true
shape without base map tiles.
"""

import hashlib
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.gis.db.models import GeometryField
from django.contrib.gis.db.models.functions import AsSVG, Transform
from django.contrib.gis.geos import Point, Polygon
from django.db.models import Func
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils.cache import get_conditional_response
from django.utils.http import quote_etag
from django.utils.translation import gettext as _

from . import mapdata, services
from .mapdata import X, Y
from .models import Centre, DevelopmentProject, Municipality

SRID = 25833  # EUREF89 UTM zone 33, the projection of Norway's national maps: metres
LONG_SIDE = 640  # pixels, the longer side of the drawing
MARGIN = 12
AROUND_CENTRE = 2000  # metres shown on each side of a centre
AROUND_PROJECT = 800  # metres at least around a project (and its centre)
# Below this width (metres) the drawing shows projects' areas and every centre's name.
DETAIL_SPAN = 10_000

# The colours of static/css/site.css, which an SVG shown as an image cannot read.
STATUS_COLOURS = {
    "idea": "#6b4fa0", "planning": "#0a6ebd", "approved": "#1a7f37",
    "under_construction": "#b35900", "completed": "#4d4d4d", "cancelled": "#a4262c",
}
INK = "#1d3557"
LEVEL_RANK = {Centre.Level.KOMMUNESENTER: 0, Centre.Level.LOKALSENTER: 1, Centre.Level.NAERSENTER: 2}
FONT_SIZE = 12
# The side of a centre's square (a nærsenter is a small ring instead), as on the interactive map.
SQUARE = {Centre.Level.KOMMUNESENTER: 16, Centre.Level.LOKALSENTER: 12}


class SimplifyPreserveTopology(Func):
    """PostGIS and SpatiaLite both have it; Django has no wrapper."""

    function = "ST_SimplifyPreserveTopology"
    output_field = GeometryField(srid=SRID)


@dataclass
class Frame:
    """The drawn area: `bbox` (WGS84) for the queries, the same area in metres for drawing."""

    bbox: Polygon
    minx: float
    miny: float
    maxx: float
    maxy: float
    scale: float = field(init=False)

    def __post_init__(self):
        self.scale = (LONG_SIDE - 2 * MARGIN) / max(self.maxx - self.minx, self.maxy - self.miny, 1.0)

    @classmethod
    def from_metres(cls, minx, miny, maxx, maxy):
        box = Polygon.from_bbox((minx, miny, maxx, maxy))
        box.srid = SRID
        return cls(box.transform(4326, clone=True), minx, miny, maxx, maxy)

    @classmethod
    def from_lonlat(cls, extent, pad=0.0):
        box = Polygon.from_bbox(extent)
        box.srid = 4326
        minx, miny, maxx, maxy = box.transform(SRID, clone=True).extent
        px, py = (maxx - minx) * pad, (maxy - miny) * pad
        return cls.from_metres(minx - px, miny - py, maxx + px, maxy + py)

    @classmethod
    def around(cls, points, at_least):
        """The smallest area holding `points` (WGS84) with `at_least` metres on every side."""
        xs, ys = [], []
        for point in points:
            p = point.transform(SRID, clone=True)
            xs.append(p.x)
            ys.append(p.y)
        return cls.from_metres(min(xs) - at_least, min(ys) - at_least, max(xs) + at_least, max(ys) + at_least)

    @property
    def span(self):
        return max(self.maxx - self.minx, self.maxy - self.miny)

    @property
    def width(self):
        return round((self.maxx - self.minx) * self.scale) + 2 * MARGIN

    @property
    def height(self):
        return round((self.maxy - self.miny) * self.scale) + 2 * MARGIN

    @property
    def transform(self):
        # AsSVG writes metres with y turned down (as SVG counts); this moves them onto the canvas.
        return f"translate({MARGIN - self.minx * self.scale:.2f} {MARGIN + self.maxy * self.scale:.2f}) scale({self.scale:.6f})"

    def px(self, x, y):
        return round(MARGIN + (x - self.minx) * self.scale, 1), round(MARGIN + (self.maxy - y) * self.scale, 1)


def _boundaries(frame):
    tolerance = 1 / frame.scale  # about a pixel
    return list(
        Municipality.objects.filter(boundary__intersects=frame.bbox)
        .annotate(svg=AsSVG(SimplifyPreserveTopology(Transform("boundary", SRID), tolerance), precision=0))
        .values_list("svg", flat=True)[:10]
    )


def _centres(frame, current):
    qs = (
        Centre.objects.filter(location__intersects=frame.bbox)
        .annotate(x=X(Transform("location", SRID)), y=Y(Transform("location", SRID)))
        .values_list("pk", "name", "level", "x", "y")
        .order_by("pk")[: settings.MAP_MAX_FEATURES]
    )
    centres = []
    for pk, name, level, x, y in qs:
        cx, cy = frame.px(x, y)
        side = SQUARE.get(level, 14 if pk == current else 0)
        centres.append({"name": name, "level": level, "x": cx, "y": cy, "current": pk == current,
                        "rank": -1 if pk == current else LEVEL_RANK.get(level, 2),
                        "side": side, "left": round(cx - side / 2, 1), "top": round(cy - side / 2, 1)})
    return sorted(centres, key=lambda c: (c["rank"], c["name"]))


def _projects(frame, user, current):
    qs = (
        DevelopmentProject.objects.visible_to(user).filter(location__intersects=frame.bbox)
        .annotate(x=X(Transform("location", SRID)), y=Y(Transform("location", SRID)))
    )
    detailed = frame.span <= DETAIL_SPAN
    if detailed:
        qs = qs.annotate(area=AsSVG(Transform("geometry", SRID), precision=0))
    rows = qs.values_list("pk", "status", "x", "y", *(["area"] if detailed else [])).order_by("pk")
    projects = []
    for row in rows[: settings.MAP_MAX_FEATURES]:
        pk, status, x, y = row[:4]
        cx, cy = frame.px(x, y)
        projects.append({"colour": STATUS_COLOURS.get(status, "#333333"), "x": cx, "y": cy,
                         "area": row[4] if detailed else None, "current": pk == current})
    return projects


def _labels(frame, centres):
    """Names beside the centres, the most important first, each only where it covers no other."""
    detailed = frame.span <= DETAIL_SPAN
    taken, labels = [], []
    for centre in centres:
        if not (detailed or centre["current"] or centre["rank"] <= LEVEL_RANK[Centre.Level.LOKALSENTER]):
            continue
        width = len(centre["name"]) * FONT_SIZE * 0.6 + 4
        for anchor, x in (("start", centre["x"] + 9), ("end", centre["x"] - 9)):
            left = x if anchor == "start" else x - width
            box = (left, centre["y"] - FONT_SIZE, left + width, centre["y"] + 4)
            inside = box[0] >= 0 and box[2] <= frame.width and box[1] >= 0 and box[3] <= frame.height
            if inside and not any(b[0] < box[2] and box[0] < b[2] and b[1] < box[3] and box[1] < b[3] for b in taken):
                taken.append(box)
                labels.append({"text": centre["name"], "x": round(x, 1), "y": round(centre["y"] + 4, 1),
                               "anchor": anchor, "current": centre["current"]})
                break
    return labels


def drawing(frame, user, current_centre=None, current_project=None):
    """What places/map.svg draws in `frame`, as the template's context."""
    centres = _centres(frame, current_centre)
    return {
        "frame": frame,
        "boundaries": _boundaries(frame),
        "projects": _projects(frame, user, current_project),
        "centres": centres,
        "labels": _labels(frame, centres),
        "ink": INK,
    }


def project_points(project):
    """The points a project's drawing must show: its area's corners (or its point) and its centre."""
    points = [project.location, project.centre.location]
    if project.geometry is not None:
        minx, miny, maxx, maxy = project.geometry.extent
        points += [Point(minx, miny, srid=4326), Point(maxx, maxy, srid=4326)]
    return points


def frame_for(request):
    """The area a request asks for: (frame, the place's name, the page's own centre or project).
    Raises mapdata.BadRequest for a bad bbox and Http404 for a centre or project not to be seen."""
    if request.GET.get("project"):
        project = get_object_or_404(
            DevelopmentProject.objects.visible_to(request.user).select_related("centre")
            .only("pk", "name", "location", "geometry", "centre__location"),
            slug=request.GET["project"],
        )
        frame = Frame.around(project_points(project), AROUND_PROJECT)
        return frame, project.name, {"current_project": project.pk}
    if request.GET.get("centre"):
        centre = get_object_or_404(Centre.objects.only("pk", "name", "location"), slug=request.GET["centre"])
        return Frame.around([centre.location], AROUND_CENTRE), centre.name, {"current_centre": centre.pk}
    if request.GET.get("bbox"):
        # Only where the map data is (mainland Norway's box): far outside it the projection fails.
        bbox, covered = mapdata.parse_bbox(request.GET["bbox"]), mapdata.parse_bbox(None)
        if not bbox.intersects(covered):
            raise mapdata.BadRequest(_("The bbox is outside the area the map covers."))
        return Frame.from_lonlat(bbox.intersection(covered).extent), _("the chosen area"), {}
    municipality = services.current_municipality()
    if municipality is None:
        raise Http404(_("There is no municipality to draw yet."))
    return Frame.from_lonlat(municipality.envelope.extent, pad=0.01), municipality.name, {}


def svg_response(request, frame, place, current_centre=None, current_project=None):
    """The drawing as an SVG response with an ETag, cached like the map data."""
    context = drawing(frame, request.user, current_centre, current_project)
    context["title"] = _("Map of %(place)s: the municipal boundary, centres and development projects") % {
        "place": place
    }
    body = render_to_string("places/map.svg", context, request=request)
    etag = quote_etag(hashlib.sha256(body.encode()).hexdigest()[:32])
    response = get_conditional_response(request, etag=etag) or HttpResponse(
        body, content_type="image/svg+xml; charset=utf-8"
    )
    response["ETag"] = etag
    return mapdata.cache_privately_if_signed_in(request, response)
