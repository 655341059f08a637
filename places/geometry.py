"""Geometry helpers: validity, containment in the municipality and areas in EUREF89 UTM32."""

from functools import lru_cache

from django.conf import settings
from django.contrib.gis.gdal import CoordTransform, SpatialReference
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# EUREF89 / UTM zone 32N: the projection Norwegian plan data uses in Asker; metres.
UTM32 = 25832
WGS84 = 4326
DEKAR_M2 = 1000


@lru_cache(maxsize=None)
def _coord_transform(source, target):
    # Transforming by SRID number builds a new PROJ transformation every time (2-15 ms);
    # one per pair of systems makes transforms cheap.
    return CoordTransform(SpatialReference(source), SpatialReference(target))


def transformed(geom, srid):
    """A copy of `geom` in `srid`."""
    if geom.srid == srid:
        return geom.clone()
    result = geom.transform(_coord_transform(geom.srid, srid), clone=True)
    result.srid = srid
    return result


def area_m2(geom):
    """Planar area in m² after transformation to EUREF89 UTM32 (None without a geometry)."""
    if geom is None:
        return None
    return transformed(geom, UTM32).area


def m2_to_dekar(m2):
    return None if m2 is None else m2 / DEKAR_M2


def check_valid(geom, field):
    if geom is not None and not geom.valid:
        raise ValidationError({field: _("The geometry is not valid: %(reason)s") % {"reason": geom.valid_reason}})


_buffered = {}


def _tolerant_boundary(municipality):
    """The municipality's boundary in UTM32, widened by the tolerance (cached per boundary)."""
    key = (municipality.pk, municipality.boundary.wkb.hex() if municipality.boundary else None)
    if key not in _buffered:
        _buffered.clear()
        _buffered[key] = transformed(municipality.boundary, UTM32).buffer(
            settings.PLACES_BOUNDARY_TOLERANCE_M
        ).prepared
    return _buffered[key]


def inside_municipality(geom, municipality):
    """Whether `geom` lies within the municipality's boundary, widened by the tolerance."""
    if municipality.boundary is None:
        return True
    return _tolerant_boundary(municipality).contains(transformed(geom, UTM32))


def check_inside(geom, municipality, field):
    if geom is None:
        return
    if not inside_municipality(geom, municipality):
        raise ValidationError(
            {field: _("The geometry lies outside %(municipality)s.") % {"municipality": municipality.name}}
        )
