"""Reading and checking the geometry files planners upload to their workspace.

    features = read_features(request.FILES["file"], municipality)   # or GeoFileError
    geometry = merge([features[i] for i in chosen])                 # MultiPolygon, EPSG:4326
    reading = read_upload(request.FILES["file"], municipality)      # the same, and what was assumed

Accepted: GeoJSON, a zipped Shapefile, GML and GeoPackage, in EPSG:4326, 25832 or 25833
(GeoJSON without a coordinate system is 4326), recognised by content, never by name. GDAL
(through GeoDjango) does all the reading. A refused file raises GeoFileError with a `code`
and a `message` for the planner, and leaves nothing behind: the upload is only ever written
to a private temporary directory that is removed before read_features returns.

A GeoJSON file without a `crs` member is lon/lat by RFC 7946. When its coordinates cannot be
lon/lat but look like UTM metres (580000, 6630000: what many tools write when they drop the
crs), the file is read in each of EPSG:25832 and 25833 instead: read_upload says which system
it was read in (`assumed_srid`, the one that puts it in the municipality, 25832 first as
Asker's usual) and gives the other reading too, for the planner to confirm one.

Nothing a file names is ever fetched or opened: references.py refuses such files before GDAL
sees them, and offline.py (installed when this package is imported) keeps GDAL and PROJ off
the network in this process.

Setting: GEOMETRY_UPLOAD_MAX_BYTES (default 20 MB).
"""

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.contrib.gis.gdal import GDALException
from django.contrib.gis.geos import GeometryCollection, MultiPolygon
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ..geometry import WGS84, area_m2, check_inside, transformed
from . import errors, offline, reading, references, storage
from .errors import GeoFileError

offline.install()

__all__ = ["MAX_FEATURES", "UTM_GUESSES", "Feature", "GeoFileError", "Reading", "merge", "read_features",
           "read_upload"]

# A planner picks from a list; thousands of shapes mean the wrong file (a whole plan register).
MAX_FEATURES = 500
LABEL_ATTRIBUTES = ("plannavn", "navn", "name", "planidentifikasjon")
LABEL_MAX_LENGTH = 200
# Systems a GeoJSON file without crs may be in when its coordinates are metres, likeliest first.
UTM_GUESSES = (25832, 25833)
# UTM metres in the northern hemisphere (zones 32 and 33 are used well beyond their 6°).
_UTM_EASTING = (-500_000, 1_500_000)
_UTM_NORTHING = (0, 10_000_000)


@dataclass
class Feature:
    index: int  # position in the list read_features returned
    label: str
    attributes: dict = field(repr=False)  # simple values; strings are raw, templates escape them
    geometry: MultiPolygon = field(repr=False)  # EPSG:4326, srid set, valid
    source_srid: int
    area_m2: float
    layer: str = ""  # the layer's (or zipped Shapefile's) name, where the file gives one
    # When the file's shape was invalid, `geometry` is GEOS's repair (its areas only) and
    # `problem` says what was wrong; the planner must confirm the repair before it is used.
    repaired: bool = False
    problem: str = ""
    # The file did not say its coordinate system; `source_srid` is the one assumed.
    srid_assumed: bool = False


@dataclass
class Reading:
    features: list  # of Feature, in `assumed_srid` when there is one
    assumed_srid: int | None = None
    # For an assumed system: every system tried, with its features or the GeoFileError it gave.
    alternatives: dict = field(default_factory=dict)


def _label(attributes, number):
    for wanted in LABEL_ATTRIBUTES:
        # Shapefiles often spell fields in capitals (NAVN); a file may even have both.
        for name, value in attributes.items():
            if str(name).casefold() == wanted and value is not None and str(value).strip():
                return str(value).strip()[:LABEL_MAX_LENGTH]
    return _("Object %(number)d") % {"number": number}


def _repaired(geom):
    """The areas of GEOS's repair of `geom`, or None when nothing of an area is left."""
    fixed = geom.make_valid()
    if fixed.geom_type == "Polygon":
        parts = [fixed]
    elif fixed.geom_type in ("MultiPolygon", "GeometryCollection"):
        parts = [p for p in fixed if p.geom_type == "Polygon"]
        parts += [q for p in fixed if p.geom_type == "MultiPolygon" for q in p]
    else:
        parts = []
    parts = [p for p in parts if not p.empty and p.area > 0]
    if not parts:
        return None
    result = MultiPolygon(*parts, srid=WGS84)
    return result if result.valid else None


def _checked(raw, index, count, municipality, assumed=False):
    label = _label(raw.attributes, index + 1)

    def outside(detail=""):
        error = errors.outside(municipality, label if count > 1 else None)
        error.detail = detail
        return error

    try:
        geom = transformed(raw.geometry, WGS84)
    except GDALException as exc:
        # Coordinates PROJ cannot place are nowhere near the municipality either.
        raise outside(str(exc)) from None
    repaired, problem = False, ""
    if not geom.valid:
        problem = geom.valid_reason
        fixed = _repaired(geom)
        if fixed is None:
            raise errors.not_repairable(label, problem)
        geom, repaired = fixed, True
    try:
        check_inside(geom, municipality, "geometry")
    except ValidationError:
        raise outside() from None
    except GDALException as exc:
        raise outside(str(exc)) from None
    return Feature(
        index=index, label=label, attributes=raw.attributes, geometry=geom,
        source_srid=raw.srid, area_m2=area_m2(geom), layer=raw.layer,
        repaired=repaired, problem=problem, srid_assumed=assumed,
    )


# What each format may name that a reader would fetch or open (the Shapefile names nothing).
_REFERENCE_CHECKS = {
    storage.GEOJSON: references.check_geojson,
    storage.GML: references.check_gml,
    storage.GEOPACKAGE: references.check_geopackage,
    storage.SQLITE_PERHAPS_GEOPACKAGE: references.check_geopackage,
}


def _lonlat(raw):
    x0, y0, x1, y1 = raw.geometry.extent
    return -180 <= x0 and x1 <= 180 and -90 <= y0 and y1 <= 90


def _utm_like(raw):
    x0, y0, x1, y1 = raw.geometry.extent
    return _UTM_EASTING[0] <= x0 and x1 <= _UTM_EASTING[1] and _UTM_NORTHING[0] <= y0 and y1 <= _UTM_NORTHING[1]


def _in_system(raw, srid):
    geometry = raw.geometry.clone()
    geometry.srid = srid
    return reading.RawFeature(raw.layer, raw.attributes, geometry, srid)


def _guessed(raws, municipality):
    """The Reading of a crs-less GeoJSON file whose coordinates are not lon/lat."""
    if not all(_utm_like(raw) for raw in raws):
        extent = raws[0].geometry.extent
        raise errors.coordinates_unknown(f"no crs, extent {extent}")
    alternatives = {}
    for srid in UTM_GUESSES:
        try:
            alternatives[srid] = [
                _checked(_in_system(raw, srid), i, len(raws), municipality, assumed=True) for i, raw in enumerate(raws)
            ]
        except GeoFileError as exc:
            alternatives[srid] = exc
    likely = next((srid for srid in UTM_GUESSES if isinstance(alternatives[srid], list)), None)
    if likely is None:
        raise alternatives[UTM_GUESSES[0]]
    return Reading(alternatives[likely], likely, alternatives)


def _read_raw(uploaded_file, directory, limit):
    upload = directory / "upload"
    storage.save_upload(uploaded_file, upload, limit)
    fmt = storage.sniff(upload)
    if fmt in _REFERENCE_CHECKS:
        _REFERENCE_CHECKS[fmt](upload)
    crs_unsaid = fmt is storage.GEOJSON and not references.geojson_declares_crs(upload)
    if fmt is storage.ZIP:
        path, name = storage.unpack_shapefile(upload, directory / "shapefile", limit)
        fmt = storage.SHAPEFILE
    else:
        # GDAL picks up side files next to the one it opens; there are none in our directory.
        path, name = upload.rename(directory / f"upload{fmt.suffix}"), ""
    return reading.read_raw_features(path, fmt, MAX_FEATURES, unnamed_layer=name), crs_unsaid


def read_features(uploaded_file, municipality):
    """The areas in an uploaded map file, checked and in EPSG:4326, as a list of Feature.

    `uploaded_file` is a Django File/UploadedFile (or any binary file object). Raises
    GeoFileError for a file that cannot be used.
    """
    return read_upload(uploaded_file, municipality).features


def read_upload(uploaded_file, municipality):
    """read_features as a Reading: the features, and the system assumed for a GeoJSON file
    that did not say (see the module's docstring)."""
    limit = storage.max_bytes()
    error = None
    temp_root = getattr(settings, "FILE_UPLOAD_TEMP_DIR", None) or None
    with tempfile.TemporaryDirectory(prefix="geofile-", dir=temp_root) as directory:
        try:
            raws, crs_unsaid = _read_raw(uploaded_file, Path(directory), limit)
        except GeoFileError as exc:
            # The traceback (and the exception it was raised from) holds the frames that hold
            # GDAL's open dataset; dropping them closes the file before its directory goes.
            error = exc.with_traceback(None)
            error.__context__ = error.__cause__ = None
    if error is not None:
        raise error
    if crs_unsaid and not all(_lonlat(raw) for raw in raws):
        return _guessed(raws, municipality)
    return Reading([_checked(raw, i, len(raws), municipality) for i, raw in enumerate(raws)])


def merge(features):
    """The union of the features' areas as one MultiPolygon in EPSG:4326."""
    geometries = [f.geometry for f in features]
    if not geometries:
        raise ValueError("merge() needs at least one feature")
    union = GeometryCollection(*geometries, srid=WGS84).unary_union
    result = union if union.geom_type == "MultiPolygon" else MultiPolygon(union, srid=WGS84)
    result.srid = WGS84
    return result
