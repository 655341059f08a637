"""Reading shapes, attributes and the coordinate system out of a file with GDAL."""

import datetime
from ctypes import c_char_p, c_int
from dataclasses import dataclass
from functools import cache

from django.contrib.gis.gdal import (
    DataSource,
    Driver,
    GDALException,
    SpatialReference,
    SRSException,
)
from django.contrib.gis.gdal.libgdal import lgdal
from django.contrib.gis.gdal.prototypes import ds as capi
from django.contrib.gis.geos import GEOSException, GEOSGeometry, MultiPolygon

from . import errors

ACCEPTED_SRIDS = (4326, 25832, 25833)
# Data with heights keeps x and y in a horizontal system: WGS 84 3D (GeoJSON with z gets it
# from GDAL) is lon/lat like 4326; compound systems (e.g. 5972 = UTM32 + NN2000) name theirs.
_HORIZONTAL_OF_3D = {4979: 4326}
# Tokens that differ between equivalent definitions: an ESRI .prj of EUREF89 UTM32 lacks the
# null towgs84 that EPSG:25832 carries, PROJ adds +no_defs/+type=crs as it pleases, and the
# vertical part of a compound system does not concern x and y.
_NEUTRAL_PROJ4 = frozenset({"+no_defs", "+type=crs", "+wktext", "+towgs84=0,0,0,0,0,0,0"})
_VERTICAL_PROJ4 = ("+vunits=", "+geoidgrids=", "+geoid_crs=")


@dataclass
class RawFeature:
    layer: str
    attributes: dict
    geometry: MultiPolygon  # in the file's own coordinate system, srid set
    srid: int


def _proj4_key(srs):
    try:
        proj4 = srs.proj4
    except (GDALException, SRSException):
        return None
    tokens = {t for t in proj4.split() if t not in _NEUTRAL_PROJ4 and not t.startswith(_VERTICAL_PROJ4)}
    return frozenset(tokens) or None


@cache
def _accepted_by_proj4():
    return {_proj4_key(SpatialReference(srid)): srid for srid in ACCEPTED_SRIDS}


def _epsg_code(srs, target=None):
    if (srs.auth_name(target) or "").upper() != "EPSG":
        return None
    try:
        code = int(srs.auth_code(target))
    except (TypeError, ValueError):
        return None
    return _HORIZONTAL_OF_3D.get(code, code)


def _is_compound(srs):
    try:
        return srs.wkt.startswith("COMPD_CS")
    except (GDALException, SRSException):
        return False


def identify_srid(srs):
    """The EPSG code of the horizontal coordinate system of `srs`, or None when it has none we
    can establish."""
    if _is_compound(srs):
        horizontal = _epsg_code(srs, "PROJCS") or _epsg_code(srs, "GEOGCS")
        if horizontal:
            return horizontal
    code = _epsg_code(srs)
    if code is not None:
        return code
    candidate = srs.clone()
    try:
        candidate.identify_epsg()
    except (GDALException, SRSException):
        pass
    else:
        if (code := _epsg_code(candidate)) is not None:
            return code
    # GDAL does not recognise every ESRI-style .prj (and names EUREF89 differently), yet the
    # projection is the same when the PROJ parameters are.
    return _accepted_by_proj4().get(_proj4_key(srs))


def layer_srid(layer, fmt):
    srs = layer.srs
    if srs is None:
        raise errors.crs_missing(shapefile=fmt.driver == "ESRI Shapefile")
    srid = identify_srid(srs)
    if srid is None:
        raise errors.crs_unknown(srs.name or "?")
    if srid not in ACCEPTED_SRIDS:
        raise errors.crs_not_accepted(srid)
    return srid


# Drivers often report a damaged record through GDAL's error state and carry on with an empty
# geometry; Django only logs those reports, so the reader asks for them itself. Indexing the
# library gives private function objects whose types do not touch Django's.
_error_reset = lgdal["CPLErrorReset"]
_error_reset.argtypes, _error_reset.restype = [], None
_last_error_type = lgdal["CPLGetLastErrorType"]
_last_error_type.argtypes, _last_error_type.restype = [], c_int
_last_error_message = lgdal["CPLGetLastErrorMsg"]
_last_error_message.argtypes, _last_error_message.restype = [], c_char_p
CE_FAILURE = 3


def _check_gdal_error(fmt):
    if _last_error_type() >= CE_FAILURE:
        message = (_last_error_message() or b"").decode(errors="replace")
        _error_reset()
        raise errors.unreadable(fmt.name, f"GDAL: {message}")


def _string_list(items):
    return (c_char_p * (len(items) + 1))(*(item.encode() for item in items), None)


def open_datasource(path, fmt):
    """Open `path` with the one driver `fmt` names, so GDAL never guesses another format."""
    Driver.ensure_registered()
    try:
        # Django's DataSource cannot restrict drivers or pass open options; it does wrap a
        # dataset opened here, and closes it when it is collected.
        pointer = capi.open_ds(
            str(path).encode(), capi.GDAL_OF_READONLY | capi.GDAL_OF_VECTOR,
            _string_list([fmt.driver]), _string_list(list(fmt.open_options)), None,
        )
    except GDALException as exc:
        if fmt.refused_means_wrong_type:
            raise errors.wrong_type(detail=f"SQLite but not GeoPackage: {exc}") from None
        raise errors.unreadable(fmt.name, f"open: {exc}") from None
    return DataSource(pointer, ds_driver=capi.get_dataset_driver(pointer))


def _simple(value):
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return str(value)


def _attributes(feature):
    attributes = {}
    for index in range(len(feature)):
        try:
            field = feature[index]
            attributes[field.name] = _simple(field.value) if field.is_set else None
        except (GDALException, UnicodeDecodeError, ValueError):
            # One field in a wrong encoding or of an exotic type should not cost the shape.
            continue
    return attributes


def _polygons(feature, srid_of_layer):
    """The feature's areas as a MultiPolygon, None when it has no geometry, or False when its
    geometry is not an area (point, line)."""
    try:
        ogr = feature.geom
    except GDALException:
        return None  # a feature without geometry, e.g. a row of an attribute table
    if ogr.has_curve:
        # GML plan data may use arcs and MultiSurface; the portal stores straight segments.
        ogr = ogr.get_linear_geometry()
    # Plan data is often 3D (SOSI heights); the portal's fields are 2D.
    ogr.set_3d(False)
    ogr.set_measured(False)
    if ogr.empty:
        return None
    geom = GEOSGeometry(ogr.wkb)
    if geom.geom_type == "Polygon":
        parts = [geom]
    elif geom.geom_type in ("MultiPolygon", "GeometryCollection"):
        parts = [part for part in geom if part.geom_type == "Polygon" and not part.empty]
        parts += [p for part in geom if part.geom_type == "MultiPolygon" for p in part]
    else:
        parts = []
    if not parts:
        return False
    return MultiPolygon(*parts, srid=srid_of_layer())


def read_raw_features(path, fmt, max_features, unnamed_layer=""):
    """Every area in every layer of the file, in the file's coordinate system.

    Points and lines beside areas are left out: plan files carry boundaries and labels as
    such, and the area is what the planner wants. A file with nothing but points or lines is
    refused. Nothing from GDAL leaves this function, so the file is closed once it returns.
    A layer GDAL names after our temporary file is called `unnamed_layer` instead.
    """
    datasource = open_datasource(path, fmt)
    raws = []
    not_areas = 0
    try:
        for layer in datasource:
            srid = None
            layer_name = unnamed_layer if str(layer.name) == path.stem else str(layer.name)

            def srid_of_layer(layer=layer):
                nonlocal srid
                if srid is None:
                    srid = layer_srid(layer, fmt)
                return srid

            _error_reset()
            for feature in layer:
                # Only what fetching the record reported counts against the file.
                _check_gdal_error(fmt)
                polygons = _polygons(feature, srid_of_layer)
                attributes = _attributes(feature) if isinstance(polygons, MultiPolygon) else None
                _error_reset()
                if polygons is False:
                    not_areas += 1
                elif polygons is not None:
                    if len(raws) >= max_features:
                        raise errors.too_many(max_features)
                    raws.append(RawFeature(layer_name, attributes, polygons, srid))
    except (GDALException, GEOSException) as exc:
        raise errors.unreadable(fmt.name, f"read: {exc}") from None
    if not raws:
        raise errors.no_areas(f"{not_areas} points/lines") if not_areas else errors.no_shapes()
    return raws
