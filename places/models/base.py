"""The municipality and what every model placed inside it shares."""

from django.contrib.gis.db import models
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from .. import bounds
from ..geometry import area_m2, check_inside, check_valid, m2_to_dekar


class Municipality(models.Model):
    number = models.CharField(
        _("municipality number"), max_length=4, unique=True, validators=[bounds.municipality_number_validator]
    )
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(unique=True)
    boundary = models.MultiPolygonField(_("boundary"), srid=4326)
    population = models.PositiveIntegerField(
        _("population"), default=0, validators=[bounds.not_negative(), bounds.at_most(bounds.MAX_POPULATION)]
    )
    population_year = models.PositiveSmallIntegerField(
        _("population year"), null=True, blank=True, validators=bounds.year_validators()
    )
    # Asker plans with 1.1 % a year.
    growth_rate = models.DecimalField(
        _("yearly population growth (%)"), max_digits=4, decimal_places=2, default=0,
        validators=[MinValueValidator(bounds.MIN_GROWTH_RATE), MaxValueValidator(bounds.MAX_GROWTH_RATE)],
    )

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=bounds.matches("number", bounds.MUNICIPALITY_NUMBER_PATTERN)
                & bounds.matches("slug", bounds.SLUG_PATTERN)
                & bounds.between("population", 0, bounds.MAX_POPULATION)
                & bounds.between("population_year", bounds.MIN_YEAR, bounds.MAX_YEAR, null=True)
                & bounds.between("growth_rate", bounds.MIN_GROWTH_RATE, bounds.MAX_GROWTH_RATE),
                name="municipality_values_in_range",
                violation_error_message=_("A value of the municipality is outside its allowed range."),
            ),
        ]

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
    code = models.CharField(_("code"), max_length=8, unique=True, validators=[bounds.district_code_validator])
    name = models.CharField(_("name"), max_length=100)
    population = models.PositiveIntegerField(
        _("population"), validators=[bounds.not_negative(), bounds.at_most(bounds.MAX_POPULATION)]
    )
    population_year = models.PositiveSmallIntegerField(_("population year"), validators=bounds.year_validators())
    geometry = models.MultiPolygonField(_("area"), srid=4326)

    geometry_fields = ("geometry",)

    class Meta:
        verbose_name = _("statistical district (delområde)")
        verbose_name_plural = _("statistical districts (delområder)")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=bounds.matches("code", bounds.DISTRICT_CODE_PATTERN)
                & bounds.between("population", 0, bounds.MAX_POPULATION)
                & bounds.between("population_year", bounds.MIN_YEAR, bounds.MAX_YEAR),
                name="district_values_in_range",
                violation_error_message=_("A value of the district is outside its allowed range."),
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.code})"
