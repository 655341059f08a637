"""Development projects, their developers (utbyggere) and phases (byggetrinn)."""

import rules
from django.contrib.gis.db import models
from django.contrib.humanize.templatetags.humanize import intcomma
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .. import bounds
from ..geometry import area_m2, m2_to_dekar
from .base import Municipality, MunicipalityGeometryMixin
from .centres import Centre


class DeveloperQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Developers of at least one project this user may see: a developer known only from
        confidential or archived projects stays unknown to the public."""
        projects = DevelopmentProject.objects.visible_to(user).filter(developers=models.OuterRef("pk"))
        return self.filter(models.Exists(projects))


class Developer(models.Model):
    """An utbygger: the company (or public body) that develops a project."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(unique=True)

    objects = DeveloperQuerySet.as_manager()

    class Meta:
        verbose_name = _("developer")
        verbose_name_plural = _("developers")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=bounds.matches("slug", bounds.SLUG_PATTERN), name="developer_slug_format",
                violation_error_message=_("Enter a valid address name."),
            ),
        ]

    def __str__(self):
        return self.name


class ProjectQuerySet(models.QuerySet):
    """Who sees which project is decided here and nowhere else (`DevelopmentProject.visible_q`)."""

    def public(self):
        """What everyone may see: published (not confidential) and not archived."""
        return self.filter(DevelopmentProject.public_q())

    def visible_to(self, user):
        """What the public pages show this user: never archived projects, and confidential
        ones only to planners and administrators."""
        return self.filter(DevelopmentProject.visible_q(user))

    # The workspace's views of the same rule.
    def current(self):
        return self.filter(archived_at__isnull=True)

    def drafts(self):
        """Not yet published (confidential) and not archived."""
        return self.current().filter(visibility=DevelopmentProject.Visibility.CONFIDENTIAL)

    def archived(self):
        return self.filter(archived_at__isnull=False)

    def with_totals(self):
        """Annotate dwelling total and the years its phases span (for lists and filters). The
        total is NULL when the dwellings are unknown (`DevelopmentProject.dwellings_total`)."""
        return self.annotate(
            dwellings=dwellings_total_expression(),
            first_year=models.Min("phases__start_year"),
            last_year=models.Max("phases__finish_year"),
        )


DWELLING_FIELDS = ("flats", "terraced", "detached")


def dwellings_total_expression(prefix=""):
    """The SQL of `DevelopmentProject.dwellings_total`: NULL when all three kinds are unknown,
    otherwise the known ones added up. `prefix` reaches projects through a relation."""
    fields = [f"{prefix}{name}" for name in DWELLING_FIELDS]
    return models.Case(
        models.When(Q(**{f"{field}__isnull": True for field in fields}), then=models.Value(None)),
        default=sum((Coalesce(field, 0) for field in fields[1:]), Coalesce(fields[0], 0)),
        output_field=models.IntegerField(),
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
    slug = models.SlugField(unique=True, validators=[bounds.slug_not_reserved])
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
    # Dwellings by kind; empty (NULL) is unknown, never 0. All three unknown: the project's number
    # of dwellings is unknown and says so; otherwise an empty kind counts as none of that kind.
    flats = models.IntegerField(_("flats"), null=True, blank=True, validators=bounds.dwellings_validators())
    terraced = models.IntegerField(_("terraced houses"), null=True, blank=True, validators=bounds.dwellings_validators())
    detached = models.IntegerField(_("detached houses"), null=True, blank=True, validators=bounds.dwellings_validators())
    commercial_m2 = models.IntegerField(
        _("commercial floor space (m²)"), default=0,
        validators=[bounds.not_negative(), bounds.at_most(bounds.MAX_COMMERCIAL_M2)],
    )
    kindergarten = models.BooleanField(_("kindergarten"), default=False)
    local_centre = models.BooleanField(_("local centre"), default=False)
    marina = models.BooleanField(_("marina"), default=False)
    plan_id = models.CharField(
        _("plan ID of the zoning plan"), max_length=40, blank=True, validators=[bounds.plan_id_validator]
    )
    sdg_goals = models.JSONField(_("UN sustainable development goals"), default=list, blank=True)
    source = models.TextField(_("source"), blank=True)
    is_demo = models.BooleanField(_("figures are demo data"), default=False)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    # Archived projects leave every public page but stay in the workspace and its history.
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True)

    history = HistoricalRecords(m2m_fields=[developers])

    objects = ProjectQuerySet.as_manager()

    geometry_fields = ("geometry", "location")
    # Publishing and archiving are steps of their own: editing or reverting never changes these.
    LIFECYCLE_FIELDS = ("visibility", "published_at", "archived_at")

    class Meta:
        verbose_name = _("development project")
        verbose_name_plural = _("development projects")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=bounds.between("flats", 0, bounds.MAX_DWELLINGS, null=True)
                & bounds.between("terraced", 0, bounds.MAX_DWELLINGS, null=True)
                & bounds.between("detached", 0, bounds.MAX_DWELLINGS, null=True)
                & bounds.between("commercial_m2", 0, bounds.MAX_COMMERCIAL_M2),
                name="project_counts_in_range",
                violation_error_message=_("Dwelling counts and floor space must lie within their limits."),
            ),
            models.CheckConstraint(
                condition=Q(flats__isnull=True)
                | Q(flats__lte=bounds.MAX_DWELLINGS - Coalesce("terraced", 0) - Coalesce("detached", 0)),
                name="project_dwellings_total_in_range",
                violation_error_message=format_lazy(
                    _("A project has at most {limit} dwellings in all."), limit=bounds.MAX_DWELLINGS
                ),
            ),
            models.CheckConstraint(
                condition=bounds.matches("plan_id", bounds.PLAN_ID_PATTERN, blank=True),
                name="project_plan_id_format",
                violation_error_message=bounds.plan_id_validator.message,
            ),
            models.CheckConstraint(
                condition=bounds.matches("slug", bounds.SLUG_PATTERN), name="project_slug_format",
                violation_error_message=_("Enter a valid address name."),
            ),
            models.CheckConstraint(
                condition=bounds.not_reserved("slug"), name="project_slug_not_reserved",
                violation_error_message=_("Enter a valid address name."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("places:project", args=[self.slug])

    @classmethod
    def public_q(cls, prefix=""):
        """The condition for projects everyone may see; `prefix` reaches them through a
        relation (e.g. "projects__" from a centre)."""
        return Q(**{f"{prefix}archived_at__isnull": True, f"{prefix}visibility": cls.Visibility.PUBLIC})

    @classmethod
    def visible_q(cls, user, prefix=""):
        """The one rule of which projects the public pages show `user`: archived ones never,
        confidential ones only to those with places.view_confidential_project."""
        if rules.has_perm("places.view_confidential_project", user):
            return Q(**{f"{prefix}archived_at__isnull": True})
        return cls.public_q(prefix)

    @staticmethod
    def area_fields(geometry, centre=None, approximate=False):
        """The area and the map point that follows it: a point on the area's surface (inside it
        even when the area is not convex), or, without an area, the centre's point as an
        approximation. `approximate` marks a point whose area is itself only approximate."""
        if geometry is None:
            if centre is None:
                return {"geometry": None}
            return {"geometry": None, "location": centre.location, "location_approximate": True}
        point = geometry.point_on_surface
        point.srid = geometry.srid
        return {"geometry": geometry, "location": point, "location_approximate": approximate}

    def set_area(self, geometry, approximate=False):
        """Set the area and move the map point with it (the one place the point is computed)."""
        centre = self.centre if self.centre_id else None
        for name, value in self.area_fields(geometry, centre, approximate).items():
            setattr(self, name, value)

    @property
    def dwellings_total(self):
        """All dwellings, or None when unknown (no kind given): a resident reads "unknown",
        and totals over several projects say how many they could not count."""
        counts = [getattr(self, name) for name in DWELLING_FIELDS]
        if all(count is None for count in counts):
            return None
        return sum(count or 0 for count in counts)

    @property
    def dwellings_unknown(self):
        return self.dwellings_total is None

    @property
    def sdg_goal_labels(self):
        """The goals with their names, in the active language."""
        from places.sdg import goal_label

        return [goal_label(goal) for goal in self.sdg_goals or []]

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
        if self.sdg_goals is None:
            self.sdg_goals = []  # an emptied field in the admin
        if not self.sdg_goals_valid(self.sdg_goals):
            errors.setdefault("sdg_goals", []).append(
                _("The UN sustainable development goals are a list of numbers from 1 to 17, for example [3, 11].")
            )
        if errors:
            raise ValidationError(errors)

    @staticmethod
    def sdg_goals_valid(goals):
        # JSON lets anything in (the admin's field once took a plain 5 and the check looped over it).
        return isinstance(goals, list) and all(
            isinstance(goal, int) and not isinstance(goal, bool) and 1 <= goal <= 17 for goal in goals
        )

    def check_phase_totals(self, phases):
        """Phases, when there are any, must add up to the project's dwellings. `phases` are
        the phases as they will be saved; callers that change both (the phase formset of the
        admin and the workspace, revert, the demo loader) call this."""
        if phases:
            phase_total = sum(p.dwellings or 0 for p in phases)
            if self.dwellings_total is None:
                # Unknown for the project, so unknown (or none) for each phase too.
                if phase_total:
                    raise ValidationError(
                        _("The phases have %(phases)s dwellings in all, but the project's number of "
                          "dwellings is unknown. Enter the project's dwellings, or leave the phases' "
                          "dwellings empty.") % {"phases": intcomma(phase_total)},
                        code="phase_totals",
                    )
            elif phase_total != self.dwellings_total:
                raise ValidationError(
                    _("The phases have %(phases)s dwellings in all, but the project has %(total)s.")
                    % {"phases": intcomma(phase_total), "total": intcomma(self.dwellings_total)},
                    code="phase_totals",
                )


UNIQUE_PHASE_NUMBER = "unique_phase_number"


class ProjectPhase(models.Model):
    """A byggetrinn: one stage of a project, with its own dwellings and years."""

    project = models.ForeignKey(DevelopmentProject, on_delete=models.CASCADE, related_name="phases")
    number = models.PositiveSmallIntegerField(
        _("phase number"),
        validators=[MinValueValidator(1, _("Phases are numbered from 1.")), bounds.at_most(bounds.MAX_PHASE_NUMBER)],
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    dwellings = models.IntegerField(_("dwellings"), null=True, blank=True, validators=bounds.dwellings_validators())
    start_year = models.PositiveSmallIntegerField(
        _("start year"), null=True, blank=True, validators=bounds.year_validators()
    )
    finish_year = models.PositiveSmallIntegerField(
        _("finish year"), null=True, blank=True, validators=bounds.year_validators()
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("phase (byggetrinn)")
        verbose_name_plural = _("phases (byggetrinn)")
        ordering = ["project", "number"]
        constraints = [
            # Deferred to the end of the transaction, so two phases can swap numbers in one save;
            # places.services.save_project checks it before that. SQLite cannot defer: there
            # Django creates no such constraint (warning models.W038), and the phase formset's
            # check (places.forms.PhaseInlineFormSet) is what holds.
            models.UniqueConstraint(fields=["project", "number"], name=UNIQUE_PHASE_NUMBER,
                                    deferrable=models.Deferrable.DEFERRED),
            models.CheckConstraint(
                condition=bounds.between("dwellings", 0, bounds.MAX_DWELLINGS, null=True)
                & bounds.between("number", 1, bounds.MAX_PHASE_NUMBER)
                & bounds.between("start_year", bounds.MIN_YEAR, bounds.MAX_YEAR, null=True)
                & bounds.between("finish_year", bounds.MIN_YEAR, bounds.MAX_YEAR, null=True),
                name="phase_values_in_range",
                violation_error_message=_("A value of the phase is outside its allowed range."),
            ),
        ]

    def __str__(self):
        return self.name or _("Phase %(number)s") % {"number": self.number}

    def clean(self):
        errors = {}
        if self.start_year and self.finish_year and self.finish_year < self.start_year:
            errors["finish_year"] = [_("The finish year cannot be before the start year.")]
        if errors:
            raise ValidationError(errors)
