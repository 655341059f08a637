"""Schools, kindergartens, health and care centres, for the capacity reports."""

from django.contrib.gis.db import models
from django.utils.translation import gettext_lazy as _

from .. import bounds
from .base import Municipality, MunicipalityGeometryMixin
from .centres import Centre


class ServiceFacility(MunicipalityGeometryMixin, models.Model):
    """A school, kindergarten or health/care centre, with capacity for the capacity reports."""

    class Kind(models.TextChoices):
        SCHOOL = "school", _("School")
        KINDERGARTEN = "kindergarten", _("Kindergarten")
        HEALTH = "health", _("Health centre")
        CARE = "care", _("Care centre")

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="facilities")
    centre = models.ForeignKey(
        Centre, verbose_name=_("centre"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="facilities",
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, validators=[bounds.not_negative(), bounds.at_most(bounds.MAX_CAPACITY)]
    )
    location = models.PointField(_("location"), srid=4326)
    location_approximate = models.BooleanField(_("location is approximate"), default=False)
    is_demo = models.BooleanField(_("figures are demo data"), default=False)
    source = models.TextField(_("source"), blank=True)

    geometry_fields = ("location",)

    class Meta:
        verbose_name = _("service facility")
        verbose_name_plural = _("service facilities")
        ordering = ["kind", "name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="unique_facility_name"),
            models.CheckConstraint(
                condition=bounds.between("capacity", 0, bounds.MAX_CAPACITY, null=True),
                name="facility_capacity_in_range",
                violation_error_message=_("The capacity is outside its allowed range."),
            ),
        ]

    def __str__(self):
        return self.name
