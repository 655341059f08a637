"""Reading and checking the geometry files planners upload to their workspace.

    features = read_features(request.FILES["file"], municipality)   # or GeoFileError
    geometry = merge([features[i] for i in chosen])                 # MultiPolygon, EPSG:4326

Accepted: GeoJSON, a zipped Shapefile, GML and GeoPackage, in EPSG:4326, 25832 or 25833
(GeoJSON without a coordinate system is 4326), recognised by content, never by name. GDAL
(through GeoDjango) does all the reading. A refused file raises GeoFileError with a `code`
and a `message` for the planner, and leaves nothing behind: the upload is only ever written
to a private temporary directory that is removed before read_features returns.

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

__all__ = ["MAX_FEATURES", "Feature", "GeoFileError", "merge", "read_features"]

# A planner picks from a list; thousands of shapes mean the wrong file (a whole plan register).
MAX_FEATURES = 500
LABEL_ATTRIBUTES = ("plannavn", "navn", "name", "planidentifikasjon")
LABEL_MAX_LENGTH = 200


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


def _checked(raw, index, count, municipality):
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
        repaired=repaired, problem=problem,
    )


# What each format may name that a reader would fetch or open (the Shapefile names nothing).
_REFERENCE_CHECKS = {
    storage.GEOJSON: references.check_geojson,
    storage.GML: references.check_gml,
    storage.GEOPACKAGE: references.check_geopackage,
    storage.SQLITE_PERHAPS_GEOPACKAGE: references.check_geopackage,
}


def _read_raw(uploaded_file, directory, limit):
    upload = directory / "upload"
    storage.save_upload(uploaded_file, upload, limit)
    fmt = storage.sniff(upload)
    if fmt in _REFERENCE_CHECKS:
        _REFERENCE_CHECKS[fmt](upload)
    if fmt is storage.ZIP:
        path, name = storage.unpack_shapefile(upload, directory / "shapefile", limit)
        fmt = storage.SHAPEFILE
    else:
        # GDAL picks up side files next to the one it opens; there are none in our directory.
        path, name = upload.rename(directory / f"upload{fmt.suffix}"), ""
    return reading.read_raw_features(path, fmt, MAX_FEATURES, unnamed_layer=name)


def read_features(uploaded_file, municipality):
    """The areas in an uploaded map file, checked and in EPSG:4326, as a list of Feature.

    `uploaded_file` is a Django File/UploadedFile (or any binary file object). Raises
    GeoFileError for a file that cannot be used.
    """
    limit = storage.max_bytes()
    error = None
    temp_root = getattr(settings, "FILE_UPLOAD_TEMP_DIR", None) or None
    with tempfile.TemporaryDirectory(prefix="geofile-", dir=temp_root) as directory:
        try:
            raws = _read_raw(uploaded_file, Path(directory), limit)
        except GeoFileError as exc:
            # The traceback (and the exception it was raised from) holds the frames that hold
            # GDAL's open dataset; dropping them closes the file before its directory goes.
            error = exc.with_traceback(None)
            error.__context__ = error.__cause__ = None
    if error is not None:
        raise error
    return [_checked(raw, i, len(raws), municipality) for i, raw in enumerate(raws)]


def merge(features):
    """The union of the features' areas as one MultiPolygon in EPSG:4326."""
    geometries = [f.geometry for f in features]
    if not geometries:
        raise ValueError("merge() needs at least one feature")
    union = GeometryCollection(*geometries, srid=WGS84).unary_union
    result = union if union.geom_type == "MultiPolygon" else MultiPolygon(union, srid=WGS84)
    result.srid = WGS84
    return result
