"""The physical municipality: its boundary, centres, development projects, plans and services.

Every model hangs off a `Municipality`, so many municipalities can share one deployment.
Geometries are stored in WGS84 (EPSG:4326); areas are computed in EUREF89 UTM32 (EPSG:25832).
"""

from django.contrib.gis.db import models
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db.models import Q
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from . import codelists
from .geometry import area_m2, check_inside, check_valid, m2_to_dekar


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
    slug = models.SlugField(unique=True)
    level = models.CharField(_("level"), max_length=16, choices=Level.choices)
    parent = models.ForeignKey(
        "self", verbose_name=_("parent centre"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="children",
    )
    location = models.PointField(_("location"), srid=4326)
    location_approximate = models.BooleanField(_("location is approximate"), default=False)
    catchment = models.MultiPolygonField(_("catchment area"), srid=4326, null=True, blank=True)
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
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


class Developer(models.Model):
    """An utbygger: the company (or public body) that develops a project."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(unique=True)

    class Meta:
        verbose_name = _("developer")
        verbose_name_plural = _("developers")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Plan(MunicipalityGeometryMixin, models.Model):
    """An arealplan (zoning plan) or a non-statutory plan such as a feasibility study."""

    class Kind(models.TextChoices):
        KOMMUNEPLAN = "kommuneplan", _("Municipal master plan (land use)")
        KOMMUNEDELPLAN = "kommunedelplan", _("Municipal sub-plan")
        OMRADEREGULERING = "omraderegulering", _("Area zoning plan")
        DETALJREGULERING = "detaljregulering", _("Detailed zoning plan")
        MULIGHETSSTUDIE = "mulighetsstudie", _("Feasibility study")
        TEMAPLAN = "temaplan", _("Thematic plan")

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="plans")
    # The national planID: kommunenummer followed by the municipality's own plan identifier.
    plan_id = models.CharField(_("plan ID"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind of plan"), max_length=20, choices=Kind.choices)
    plan_type = models.PositiveSmallIntegerField(
        _("plan type (national code)"), choices=codelists.PLANTYPE_CHOICES, null=True, blank=True
    )
    plan_status = models.PositiveSmallIntegerField(
        _("plan status (national code)"), choices=codelists.PLANSTATUS_CHOICES, null=True, blank=True
    )
    centre = models.ForeignKey(
        Centre, verbose_name=_("centre"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="plans",
    )
    boundary = models.MultiPolygonField(_("plan boundary"), srid=4326, null=True, blank=True)
    adopted = models.DateField(_("adopted"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)
    source = models.TextField(_("source"), blank=True)

    geometry_fields = ("boundary",)

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        ordering = ["plan_id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(plan_type__isnull=True) | Q(plan_type__in=codelists.PLANTYPE_CODES),
                name="plan_type_in_national_code_list",
            ),
            models.CheckConstraint(
                condition=Q(plan_status__isnull=True) | Q(plan_status__in=codelists.PLANSTATUS_CODES),
                name="plan_status_in_national_code_list",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.plan_id})"

    def get_absolute_url(self):
        return reverse("places:plan", args=[self.plan_id])

    @property
    def is_statutory(self):
        return self.kind in codelists.PLANTYPE_FOR_KIND

    def clean(self):
        errors = {}
        try:
            super().clean()
        except ValidationError as exc:
            errors = exc.update_error_dict(errors)
        expected = codelists.PLANTYPE_FOR_KIND.get(self.kind)
        if expected is None:
            if self.plan_type is not None:
                errors["plan_type"] = [_("Only statutory plans have a national plan type.")]
        elif self.plan_type not in expected:
            errors["plan_type"] = [
                _("A %(kind)s has plan type %(codes)s.")
                % {
                    "kind": self.get_kind_display(),
                    "codes": _(" or ").join(str(c) for c in expected),
                }
            ]
        if self.is_statutory and self.plan_status is None:
            errors["plan_status"] = [_("A statutory plan needs a plan status.")]
        if self.municipality_id and self.plan_id and not self.plan_id.startswith(self.municipality.number):
            errors["plan_id"] = [
                _("A plan ID starts with the municipality number (%(number)s).")
                % {"number": self.municipality.number}
            ]
        if errors:
            raise ValidationError(errors)

    @cached_property
    def area_m2(self):
        return area_m2(self.boundary)

    @property
    def area_dekar(self):
        return m2_to_dekar(self.area_m2)


class ProjectQuerySet(models.QuerySet):
    def visible_to(self, user):
        from .rules import can_view_confidential

        if can_view_confidential(user):
            return self
        return self.filter(visibility=DevelopmentProject.Visibility.PUBLIC)

    def with_totals(self):
        """Annotate dwelling total and the years its phases span (for lists and filters)."""
        return self.annotate(
            dwellings=models.F("flats") + models.F("terraced") + models.F("detached"),
            first_year=models.Min("phases__start_year"),
            last_year=models.Max("phases__finish_year"),
        )


class DevelopmentProject(MunicipalityGeometryMixin, models.Model):
    class Status(models.TextChoices):
        IDEA = "idea", _("Idea")
        PLANNING = "planning", _("Planning")
        APPROVED = "approved", _("Approved")
        UNDER_CONSTRUCTION = "under_construction", _("Under construction")
        COMPLETED = "completed", _("Completed")
        CANCELLED = "cancelled", _("Cancelled")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public")
        CONFIDENTIAL = "confidential", _("Confidential")

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="projects")
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(unique=True)
    centre = models.ForeignKey(
        Centre, verbose_name=_("centre"), on_delete=models.PROTECT, related_name="projects"
    )
    developers = models.ManyToManyField(
        Developer, verbose_name=_("developers"), blank=True, related_name="projects"
    )
    architect = models.CharField(_("architect"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    geometry = models.MultiPolygonField(_("area"), srid=4326, null=True, blank=True)
    # A point for the map at low zoom and for bbox queries; kept inside the area when there is one.
    location = models.PointField(_("location"), srid=4326)
    location_approximate = models.BooleanField(_("location is approximate"), default=False)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.IDEA)
    visibility = models.CharField(
        _("visibility"), max_length=12, choices=Visibility.choices, default=Visibility.CONFIDENTIAL
    )
    flats = models.IntegerField(_("flats"), default=0)
    terraced = models.IntegerField(_("terraced houses"), default=0)
    detached = models.IntegerField(_("detached houses"), default=0)
    commercial_m2 = models.IntegerField(_("commercial floor space (m²)"), default=0)
    kindergarten = models.BooleanField(_("kindergarten"), default=False)
    local_centre = models.BooleanField(_("local centre"), default=False)
    marina = models.BooleanField(_("marina"), default=False)
    plan_id = models.CharField(_("plan ID of the zoning plan"), max_length=40, blank=True)
    sdg_goals = models.JSONField(_("UN sustainable development goals"), default=list, blank=True)
    source = models.TextField(_("source"), blank=True)
    is_demo = models.BooleanField(_("figures are demo data"), default=False)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    objects = ProjectQuerySet.as_manager()

    geometry_fields = ("geometry", "location")

    class Meta:
        verbose_name = _("development project")
        verbose_name_plural = _("development projects")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(flats__gte=0) & Q(terraced__gte=0) & Q(detached__gte=0) & Q(commercial_m2__gte=0),
                name="project_counts_not_negative",
                violation_error_message=_("Dwelling counts and floor space cannot be negative."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("places:project", args=[self.slug])

    @property
    def dwellings_total(self):
        return self.flats + self.terraced + self.detached

    @property
    def is_confidential(self):
        return self.visibility == self.Visibility.CONFIDENTIAL

    @cached_property
    def area_m2(self):
        return area_m2(self.geometry)

    @property
    def area_dekar(self):
        return m2_to_dekar(self.area_m2)

    def clean(self):
        errors = {}
        try:
            super().clean()
        except ValidationError as exc:
            errors = exc.update_error_dict(errors)
        for field in ("flats", "terraced", "detached", "commercial_m2"):
            if (getattr(self, field) or 0) < 0:
                errors.setdefault(field, []).append(_("Cannot be negative."))
        for goal in self.sdg_goals or []:
            if not isinstance(goal, int) or not 1 <= goal <= 17:
                errors.setdefault("sdg_goals", []).append(
                    _("The UN sustainable development goals are numbered 1 to 17.")
                )
                break
        if self.pk:
            self.check_phase_totals(list(self.phases.all()), errors)
        if errors:
            raise ValidationError(errors)

    def check_phase_totals(self, phases, errors=None):
        """Phases, when there are any, must add up to the project's dwellings."""
        errors = {} if errors is None else errors
        if phases:
            phase_total = sum(p.dwellings for p in phases)
            if phase_total != self.dwellings_total:
                errors.setdefault("__all__", []).append(
                    _("The phases have %(phases)s dwellings in all, but the project has %(total)s.")
                    % {"phases": phase_total, "total": self.dwellings_total}
                )
        return errors


class ProjectPhase(models.Model):
    """A byggetrinn: one stage of a project, with its own dwellings and years."""

    project = models.ForeignKey(DevelopmentProject, on_delete=models.CASCADE, related_name="phases")
    number = models.PositiveSmallIntegerField(_("phase number"))
    name = models.CharField(_("name"), max_length=200, blank=True)
    dwellings = models.IntegerField(_("dwellings"), default=0)
    start_year = models.PositiveSmallIntegerField(
        _("start year"), null=True, blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )
    finish_year = models.PositiveSmallIntegerField(
        _("finish year"), null=True, blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )

    class Meta:
        verbose_name = _("phase (byggetrinn)")
        verbose_name_plural = _("phases (byggetrinn)")
        ordering = ["project", "number"]
        constraints = [
            models.UniqueConstraint(fields=["project", "number"], name="unique_phase_number"),
            models.CheckConstraint(
                condition=Q(dwellings__gte=0), name="phase_dwellings_not_negative",
                violation_error_message=_("Dwelling counts cannot be negative."),
            ),
        ]

    def __str__(self):
        return self.name or _("Phase %(number)s") % {"number": self.number}

    def clean(self):
        errors = {}
        if self.dwellings is not None and self.dwellings < 0:
            errors["dwellings"] = [_("Cannot be negative.")]
        if self.start_year and self.finish_year and self.finish_year < self.start_year:
            errors["finish_year"] = [_("The finish year cannot be before the start year.")]
        if errors:
            raise ValidationError(errors)


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
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
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
        ]

    def __str__(self):
        return self.name
