"""A built-in gazetteer, so a place can be given by typing instead of clicking a map, and a
point on the map can be told in words ("250 m fra Heggedal stasjon"). Works offline.

It knows the municipality's centres and delområder, its public projects (published and not
archived: never a confidential one, whoever asks, since a comment's place is shown to everyone)
and plans, and the innbyggertorg, stations and streets of places/data/gazetteer.csv.
Names are matched in Python with difflib, so it works the same on SpatiaLite and PostGIS; the
list is a few hundred names at most, read with one query per source.
"""

import bisect
import csv
import difflib
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.contrib.gis.db.models.functions import PointOnSurface
from django.contrib.gis.geos import Point
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from asker import pagecache
from places.models import Centre, DevelopmentProject, Plan, StatisticalDistrict

PLACE_HELP = gettext_lazy("Type a place name in Asker, for example Heggedal or Slemmestad, or click the map.")

DATA = Path(__file__).resolve().parent.parent / "places" / "data" / "gazetteer.csv"
# The file's places are in Asker (kommunenummer 3203); another municipality gets none of them.
DATA_MUNICIPALITY = "3203"

# Which kind wins when a typed name fits several places equally well.
KINDS = ("centre", "district", "innbyggertorg", "station", "project", "plan", "street")
# A delområde's or a plan's point is somewhere inside a large area: it tells no one where a
# point lies, so only the others are used to describe one.
LANDMARKS = {"centre", "innbyggertorg", "station", "project", "street"}
NEAR_M = 100
MIN_PART = 3  # letters a typed name needs before it may match the start or a part of a known one
SUGGESTION_CUTOFF = 0.75


@dataclass(frozen=True)
class Place:
    name: str
    kind: str
    lon: float
    lat: float

    @property
    def point(self):
        return Point(self.lon, self.lat, srid=4326)

    @property
    def key(self):
        return normalise(self.name)


def normalise(name):
    return " ".join((name or "").casefold().split())


@cache
def _file_places():
    with DATA.open(encoding="utf-8") as f:
        return tuple(Place(row["name"], row["kind"], float(row["lon"]), float(row["lat"])) for row in csv.DictReader(f))


def _database_places(municipality):
    found = [Place(name, "centre", p.x, p.y) for name, p in
             Centre.objects.filter(municipality=municipality).values_list("name", "location")]
    found += [Place(name, "district", p.x, p.y) for name, p in
              StatisticalDistrict.objects.filter(municipality=municipality)
              .annotate(point=PointOnSurface("geometry")).values_list("name", "point") if p is not None]
    found += [Place(name, "project", p.x, p.y) for name, p in
              DevelopmentProject.objects.public().filter(municipality=municipality).values_list("name", "location")]
    for name, inside, centre in (Plan.objects.filter(municipality=municipality)
                                 .annotate(point=PointOnSurface("boundary"))
                                 .values_list("name", "point", "centre__location")):
        point = inside or centre
        if point is not None:
            found.append(Place(name, "plan", point.x, point.y))
    return found


def distance_m(a, b):
    """Metres between two lon/lat points along the earth's surface (haversine: near enough
    within a municipality)."""
    lon1, lat1, lon2, lat2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371008.8 * math.asin(math.sqrt(h))


class Gazetteer:
    """The places of one municipality, read once (on first use) for all questions of a request."""

    def __init__(self, municipality):
        self.municipality = municipality
        self._places = None
        self._landmarks = None
        self._nearest = {}  # a page asks for each point's words twice (as text and as HTML)

    @property
    def places(self):
        if self._places is None:
            # Kept under the content version stamp, which every change of a centre, district,
            # project or plan replaces: read from the database once per change, not per page.
            self._places = pagecache.kept(f"gazetteer:{self.municipality.pk}", self._read)
        return self._places

    def _read(self):
        places = _database_places(self.municipality)
        if self.municipality.number == DATA_MUNICIPALITY:
            places += _file_places()
        return sorted(places, key=lambda p: (KINDS.index(p.kind), p.key))

    def find(self, name):
        """The place best matching a typed `name` (exactly, then by its start, then anywhere
        in it), or None."""
        key = normalise(name)
        if not key:
            return None
        # "e" or "ve" is in almost every name: too short a part places a comment by chance.
        ways = (str.__eq__, str.startswith, str.__contains__) if len(key) >= MIN_PART else (str.__eq__,)
        for fits in ways:
            for place in self.places:
                if fits(place.key, key):
                    return place
        return None

    def suggest(self, name):
        """The name of a known place close to a misspelt `name` ("Heggdal torg"), or None."""
        key = normalise(name)
        if not key:
            return None
        by_key = {}
        for place in self.places:
            by_key.setdefault(place.key, place.name)
        close = difflib.get_close_matches(key, list(by_key), n=1, cutoff=SUGGESTION_CUTOFF)
        return by_key[close[0]] if close else None

    def nearest(self, point):
        """(landmark, metres) nearest to `point`, or None when there is none."""
        where = (point.x, point.y)
        if where not in self._nearest:
            self._nearest[where] = self._find_nearest(where)
        return self._nearest[where]

    def _find_nearest(self, where):
        if self._landmarks is None:
            self._landmarks = sorted(((p.lat, p.lon, p) for p in self.places if p.kind in LANDMARKS),
                                     key=lambda mark: mark[0])
            self._latitudes = [lat for lat, _lon, _p in self._landmarks]
        # Ranked on a flat map scaled by the latitude (the order is the same as along the
        # earth's surface at a municipality's size), walking out from the point's latitude
        # until no landmark further north or south can be nearer; then measured properly once.
        x, y = where
        shrink = math.cos(math.radians(y))
        best, best_d2 = None, math.inf
        below = bisect.bisect_left(self._latitudes, y) - 1
        above = below + 1
        while below >= 0 or above < len(self._landmarks):
            for i in (below, above):
                if 0 <= i < len(self._landmarks):
                    lat, lon, place = self._landmarks[i]
                    d2 = ((lon - x) * shrink) ** 2 + (lat - y) ** 2
                    if d2 < best_d2:
                        best, best_d2 = self._landmarks[i], d2
            below = below - 1 if below >= 0 and (y - self._latitudes[below]) ** 2 < best_d2 else -1
            above = (above + 1 if above < len(self._landmarks) and (self._latitudes[above] - y) ** 2 < best_d2
                     else len(self._landmarks))
        if best is None:
            return None
        lat, lon, place = best
        return place, distance_m(where, (lon, lat))

    def describe(self, point, wrap=str):
        """`point` in words: "nær Heggedal torg", "250 m fra Heggedal torg", "1,2 km fra …".
        `wrap` dresses the place's name (nb() marks it Norwegian for an HTML page)."""
        found = self.nearest(point)
        if found is None:
            return _("a point on the map")
        place, metres = found
        return describe_distance(wrap(place.name), metres)


def describe_distance(name, metres):
    if metres < NEAR_M:
        return _("near %(place)s") % {"place": name}
    rounded = int(round(metres / 50) * 50)
    if rounded < 1000:
        return _("%(metres)s m from %(place)s") % {"metres": rounded, "place": name}
    km = number_format(round(metres / 1000, 1), 1, force_grouping=True)
    return _("%(km)s km from %(place)s") % {"km": km, "place": name}


def find(name, municipality):
    """(point, name) of the place best matching `name`, or None."""
    place = Gazetteer(municipality).find(name)
    return (place.point, place.name) if place else None
