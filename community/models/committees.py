"""The lokalsamfunnsutvalg: local community committees tried in Tofte, Slemmestad and Heggedal in
2020–2021. The trial has ended; these rows are its archive."""

import uuid
from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from places import bounds
from places.models import Centre

FIRST_DATE = date(bounds.MIN_YEAR, 1, 1)
LAST_DATE = date(bounds.MAX_YEAR, 12, 31)
DATE_VALIDATORS = [MinValueValidator(FIRST_DATE), MaxValueValidator(LAST_DATE)]


class LocalCommunityCommittee(models.Model):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(unique=True, validators=[bounds.slug_not_reserved])
    centre = models.ForeignKey(Centre, on_delete=models.PROTECT, related_name="committees",
                               verbose_name=_("centre"))
    area = models.TextField(_("area"), blank=True, help_text=_("The area the committee spoke for, in words."))
    period_start = models.DateField(_("period start"), validators=DATE_VALIDATORS)
    period_end = models.DateField(_("period end"), validators=DATE_VALIDATORS)
    description = models.TextField(_("description"), blank=True)
    source = models.TextField(_("source"), blank=True)

    class Meta:
        verbose_name = _("local community committee")
        verbose_name_plural = _("local community committees")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=Q(period_end__gte=F("period_start")), name="committee_period_order",
                                   violation_error_message=_("The period must end after it starts.")),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("community:committee", args=[self.slug])

    def clean(self):
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The period must end after it starts.")})


class CommitteeMember(models.Model):
    class Role(models.TextChoices):
        LEADER = "leder", _("Leader")
        DEPUTY = "nestleder", _("Deputy leader")
        MEMBER = "medlem", _("Member")
        SECRETARY = "sekretaer", _("Secretary")

    committee = models.ForeignKey(LocalCommunityCommittee, on_delete=models.CASCADE, related_name="members",
                                  verbose_name=_("committee"))
    name = models.CharField(_("name"), max_length=100)
    role = models.CharField(_("role"), max_length=12, choices=Role.choices, default=Role.MEMBER)
    appointed_by = models.CharField(_("appointed by"), max_length=200, blank=True)
    # Generated names in the demo data are not real people, and the page says so.
    is_demo = models.BooleanField(_("demo data"), default=False)

    ROLE_ORDER = [Role.LEADER, Role.DEPUTY, Role.MEMBER, Role.SECRETARY]

    class Meta:
        verbose_name = _("committee member")
        verbose_name_plural = _("committee members")
        ordering = ["name"]

    def __str__(self):
        return self.name


def check_minutes(value):
    """Minutes are a PDF that opens, within the plan documents' size limit (a name the
    migrations refer to)."""
    from asker.uploads import validate_pdf_upload

    validate_pdf_upload(value)


def minutes_path(meeting, filename):
    # Never the uploader's file name on disk: it may hold anything.
    return f"lokalsamfunnsutvalg/{uuid.uuid4().hex}.pdf"


class CommitteeMeeting(models.Model):
    committee = models.ForeignKey(LocalCommunityCommittee, on_delete=models.CASCADE, related_name="meetings",
                                  verbose_name=_("committee"))
    date = models.DateField(_("date"), validators=DATE_VALIDATORS)
    place = models.CharField(_("place"), max_length=200, blank=True)
    agenda = models.TextField(_("agenda"), blank=True)
    minutes = models.TextField(_("minutes"), blank=True)
    minutes_file = models.FileField(_("minutes (PDF)"), upload_to=minutes_path, blank=True,
                                    validators=[check_minutes])
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("committee meeting")
        verbose_name_plural = _("committee meetings")
        ordering = ["date"]

    def __str__(self):
        return f"{self.committee} {self.date}"

    def minutes_url(self):
        return reverse("community:minutes", args=[self.committee.slug, self.pk]) if self.minutes_file else ""
