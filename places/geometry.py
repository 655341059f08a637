"""Geometry helpers: validity, containment in the municipality and areas in EUREF89 UTM32."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# EUREF89 / UTM zone 32N: the projection Norwegian plan data uses in Asker; metres.
UTM32 = 25832
DEKAR_M2 = 1000


def area_m2(geom):
    """Planar area in m² after transformation to EUREF89 UTM32 (None without a geometry)."""
    if geom is None:
        return None
    projected = geom.transform(UTM32, clone=True)
    return projected.area


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
        _buffered[key] = municipality.boundary.transform(UTM32, clone=True).buffer(
            settings.PLACES_BOUNDARY_TOLERANCE_M
        ).prepared
    return _buffered[key]


def check_inside(geom, municipality, field):
    if geom is None or municipality.boundary is None:
        return
    projected = geom.transform(UTM32, clone=True)
    if not _tolerant_boundary(municipality).contains(projected):
        raise ValidationError(
            {field: _("The geometry lies outside %(municipality)s.") % {"municipality": municipality.name}}
        )
