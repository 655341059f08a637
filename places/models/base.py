"""The municipality and what every model placed inside it shares."""

from django.contrib.gis.db import models
from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from ..geometry import area_m2, check_inside, check_valid, m2_to_dekar


class Municipality(models.Model):
    number = models.CharField(_("municipality number"), max_length=4, unique=True)
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(unique=True)
    boundary = models.MultiPolygonField(_("boundary"), srid=4326)
    population = models.PositiveIntegerField(_("population"), default=0)
    population_year = models.PositiveSmallIntegerField(_("population year"), null=True, blank=True)
    # Asker plans with 1.1 % a year.
    growth_rate = models.DecimalField(
        _("yearly population growth (%)"), max_digits=4, decimal_places=2, default=0
    )

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        check_valid(self.boundary, "boundary")

    @cached_property
    def area_m2(self):
        return area_m2(self.boundary)

    @property
    def area_dekar(self):
        return m2_to_dekar(self.area_m2)


class MunicipalityGeometryMixin:
    """Rules shared by everything placed inside a municipality: valid geometries inside it,
    and a centre (where the model has one) of the same municipality."""

    geometry_fields = ()

    def clean(self):
        super().clean()
        errors = {}
        for field in self.geometry_fields:
            geom = getattr(self, field)
            try:
                check_valid(geom, field)
                if self.municipality_id:
                    check_inside(geom, self.municipality, field)
            except ValidationError as exc:
                errors.update(exc.update_error_dict({}))
        centre_id = getattr(self, "centre_id", None)
        if centre_id and self.municipality_id and self.centre.municipality_id != self.municipality_id:
            errors["centre"] = [_("The centre must be in the same municipality.")]
        if errors:
            raise ValidationError(errors)


class StatisticalDistrict(MunicipalityGeometryMixin, models.Model):
    """An SSB delområde: the unit the population statistics are published for."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="districts")
    code = models.CharField(_("code"), max_length=8, unique=True)
    name = models.CharField(_("name"), max_length=100)
    population = models.PositiveIntegerField(_("population"))
    population_year = models.PositiveSmallIntegerField(_("population year"))
    geometry = models.MultiPolygonField(_("area"), srid=4326)

    geometry_fields = ("geometry",)

    class Meta:
        verbose_name = _("statistical district (delområde)")
        verbose_name_plural = _("statistical districts (delområder)")
        ordering = ["code"]

    def __str__(self):
        return f"{self.name} ({self.code})"
