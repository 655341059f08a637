"""The physical municipality: its boundary, centres, development projects, plans and services.

Every model hangs off a `Municipality`, so many municipalities can share one deployment.
Geometries are stored in WGS84 (EPSG:4326); areas are computed in EUREF89 UTM32 (EPSG:25832).
"""

from .base import Municipality, MunicipalityGeometryMixin, StatisticalDistrict
from .centres import Centre
from .facilities import ServiceFacility
from .plans import Plan, PlanDocument
from .projects import Developer, DevelopmentProject, ProjectPhase, ProjectQuerySet

__all__ = [
    "Centre", "Developer", "DevelopmentProject", "Municipality", "MunicipalityGeometryMixin",
    "Plan", "PlanDocument", "ProjectPhase", "ProjectQuerySet", "ServiceFacility", "StatisticalDistrict",
]
