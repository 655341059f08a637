"""The centre structure: kommunesenter → lokalsentre → nærsentre."""

from django.contrib.gis.db import models
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .. import bounds
from .base import Municipality, MunicipalityGeometryMixin


class Centre(MunicipalityGeometryMixin, models.Model):
    class Level(models.TextChoices):
        KOMMUNESENTER = "kommunesenter", _("Municipal centre")
        LOKALSENTER = "lokalsenter", _("Local centre")
        NAERSENTER = "naersenter", _("Neighbourhood centre")

    # Which levels a centre of each level may hang under.
    ALLOWED_PARENTS = {
        Level.KOMMUNESENTER: (),
        Level.LOKALSENTER: (Level.KOMMUNESENTER,),
        Level.NAERSENTER: (Level.LOKALSENTER, Level.KOMMUNESENTER),
    }

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="centres")
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(unique=True, validators=[bounds.slug_not_reserved])
    level = models.CharField(_("level"), max_length=16, choices=Level.choices)
    parent = models.ForeignKey(
        "self", verbose_name=_("parent centre"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="children",
    )
    location = models.PointField(_("location"), srid=4326)
    location_approximate = models.BooleanField(_("location is approximate"), default=False)
    catchment = models.MultiPolygonField(_("catchment area"), srid=4326, null=True, blank=True)
    population = models.PositiveIntegerField(
        _("population"), null=True, blank=True, validators=[bounds.not_negative(), bounds.at_most(bounds.MAX_POPULATION)]
    )
    description = models.TextField(_("description"), blank=True)
    # True where the level is our own demo classification, not the municipality's.
    demo_classification = models.BooleanField(_("classification is demo data"), default=False)
    source = models.TextField(_("source"), blank=True)

    geometry_fields = ("location", "catchment")

    class Meta:
        verbose_name = _("centre")
        verbose_name_plural = _("centres")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality"],
                condition=Q(level="kommunesenter"),
                name="one_kommunesenter_per_municipality",
                violation_error_message=_("A municipality has only one municipal centre."),
            ),
            models.CheckConstraint(
                condition=bounds.matches("slug", bounds.SLUG_PATTERN)
                & bounds.between("population", 0, bounds.MAX_POPULATION, null=True),
                name="centre_values_in_range",
                violation_error_message=_("A value of the centre is outside its allowed range."),
            ),
            models.CheckConstraint(
                condition=bounds.not_reserved("slug"), name="centre_slug_not_reserved",
                violation_error_message=_("Enter a valid address name."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("places:centre", args=[self.slug])

    def clean(self):
        errors = {}
        try:
            super().clean()
        except ValidationError as exc:
            errors = exc.update_error_dict(errors)
        if self.level == self.Level.KOMMUNESENTER and self.municipality_id:
            # Also a database constraint; checked here so forms that do not show the
            # municipality get a message instead of an integrity error.
            others = Centre.objects.filter(municipality_id=self.municipality_id, level=self.level)
            if others.exclude(pk=self.pk).exists():
                errors.setdefault("level", []).append(_("A municipality has only one municipal centre."))
        allowed = self.ALLOWED_PARENTS.get(self.level, ())
        if self.parent_id is None:
            if allowed:
                errors.setdefault("parent", []).append(
                    _("A %(level)s needs a parent centre.") % {"level": self.get_level_display()}
                )
        elif not allowed:
            errors.setdefault("parent", []).append(_("A municipal centre has no parent centre."))
        elif self.parent.level not in allowed:
            errors.setdefault("parent", []).append(
                _("A %(level)s must belong to a %(allowed)s.")
                % {
                    "level": self.get_level_display(),
                    "allowed": _(" or ").join(str(self.Level(a).label) for a in allowed),
                }
            )
        elif self.parent.municipality_id != self.municipality_id:
            errors.setdefault("parent", []).append(
                _("The parent centre must be in the same municipality.")
            )
        if errors:
            raise ValidationError(errors)
