"""Plans: arealplaner with their national codes, and non-statutory studies."""

import uuid

from django.contrib.gis.db import models
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .. import bounds, codelists
from ..geometry import area_m2, m2_to_dekar
from ..text import norwegian_slug
from .base import Municipality, MunicipalityGeometryMixin
from .centres import Centre


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
    plan_id = models.CharField(_("plan ID"), max_length=40, unique=True, validators=[bounds.plan_id_validator])
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

    history = HistoricalRecords()

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
            models.CheckConstraint(
                condition=bounds.matches("plan_id", bounds.PLAN_ID_PATTERN),
                name="plan_id_format",
                violation_error_message=bounds.plan_id_validator.message,
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


def check_plan_document(value):
    """A plan document is a PDF that opens, within the size limit. A model validator, so the
    workspace form and the admin share it (a name the migrations refer to)."""
    from asker.uploads import validate_pdf_upload

    validate_pdf_upload(value)


def plan_document_path(document, filename):
    # Never the uploader's file name on disk: it may hold anything.
    return f"plans/{document.plan_id}/{uuid.uuid4().hex}.pdf"


class PlanDocument(models.Model):
    """A PDF belonging to a plan (plankart, bestemmelser, planbeskrivelse ...)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=plan_document_path, validators=[check_plan_document])
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("plan document")
        verbose_name_plural = _("plan documents")
        ordering = ["title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("places:plan_document", args=[self.plan.plan_id, self.pk])

    def save(self, *args, **kwargs):
        if self.file:
            self.size = self.file.size
        super().save(*args, **kwargs)

    @property
    def download_name(self):
        return f"{norwegian_slug(self.title) or 'dokument'}.pdf"
