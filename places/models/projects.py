"""Development projects, their developers (utbyggere) and phases (byggetrinn)."""

from django.contrib.gis.db import models
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db.models import Q
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ..geometry import area_m2, m2_to_dekar
from .base import Municipality, MunicipalityGeometryMixin
from .centres import Centre


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


class ProjectQuerySet(models.QuerySet):
    def public(self):
        """What everyone may see: published (not confidential) and not archived."""
        return self.filter(archived_at__isnull=True, visibility=DevelopmentProject.Visibility.PUBLIC)

    def visible_to(self, user):
        """What the public pages show this user: never archived projects, and confidential
        ones only to planners and administrators."""
        from ..rules import can_view_confidential

        if can_view_confidential(user):
            return self.filter(archived_at__isnull=True)
        return self.public()

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
    # Archived projects leave every public page but stay in the workspace and its history.
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True)

    history = HistoricalRecords(m2m_fields=[developers])

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
        # A form that edits the phases together with the project hands over the phases as
        # they will be saved (`phases_for_check`); otherwise the saved ones count.
        phases = getattr(self, "phases_for_check", None)
        if phases is None and self.pk:
            phases = list(self.phases.all())
        self.check_phase_totals(phases or [], errors)
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

    history = HistoricalRecords()

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
