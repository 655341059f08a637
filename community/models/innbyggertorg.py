"""The innbyggertorg, what each offers, and when each is open (read by community/hours.py)."""

from datetime import date

from django.contrib.gis.db import models
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from places import bounds
from places.models import Centre

# Exceptions to the opening hours are dated within these years (as consultations are).
FIRST_DATE = date(bounds.FIRST_CONSULTATION_YEAR, 1, 1)
LAST_DATE = date(bounds.LAST_CONSULTATION_YEAR, 12, 31)


class InnbyggertorgQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Every innbyggertorg is public; the one place that says so."""
        return self.all()


class Innbyggertorg(models.Model):
    """An innbyggertorg: a citizen service point in a local centre (library, innbyggerservice,
    meeting rooms, often a café and a stage), where the municipality meets its residents."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(unique=True, validators=[bounds.slug_not_reserved])
    centre = models.ForeignKey(Centre, on_delete=models.PROTECT, related_name="innbyggertorg",
                               verbose_name=_("centre"))
    address = models.CharField(_("address"), max_length=200, blank=True)
    location = models.PointField(_("location"), srid=4326)
    # Where no street address is known the point is the centre's, and the page says so.
    location_approximate = models.BooleanField(_("location is approximate"), default=False)
    status = models.TextField(_("status"), blank=True)
    description = models.TextField(_("description"), blank=True)
    # Opening hours the municipality has not published are demo data, and the page says so.
    hours_demo = models.BooleanField(_("opening hours are demo data"), default=False)
    source = models.TextField(_("source"), blank=True)

    objects = InnbyggertorgQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("innbyggertorg")
        verbose_name_plural = _("innbyggertorg")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("community:innbyggertorg", args=[self.slug])


class Service(models.Model):
    """One thing an innbyggertorg offers."""

    class Kind(models.TextChoices):
        LIBRARY = "bibliotek", _("Library")
        BOKOMAT = "bokomat", _("Self-service book machine (bokomat)")
        INNBYGGERSERVICE = "innbyggerservice", _("Citizen service desk")
        CAFE = "kafe", _("Café")
        STAGE = "scene", _("Stage")
        HELSESTASJON = "helsestasjon", _("Child health centre (helsestasjon)")
        NAERMILJOSENTRAL = "naermiljosentral", _("Local volunteer centre")
        MEETING_ROOMS = "moterom", _("Meeting and activity rooms")
        KULTURSKOLE = "kulturskole", _("Music and arts school (kulturskole)")

    innbyggertorg = models.ForeignKey(Innbyggertorg, on_delete=models.CASCADE, related_name="services",
                                      verbose_name=_("innbyggertorg"))
    kind = models.CharField(_("service"), max_length=20, choices=Kind.choices)

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")
        ordering = ["kind"]
        constraints = [
            models.UniqueConstraint(fields=["innbyggertorg", "kind"], name="one_service_of_a_kind",
                                    violation_error_message=_("This service is already listed.")),
        ]

    def __str__(self):
        return str(self.get_kind_display())


class WeeklyHours(models.Model):
    """One opening interval on a weekday. A day may have several; one that closes at or before
    it opens runs past midnight into the next day (22:00–02:00), and belongs to the day it opens."""

    class Weekday(models.IntegerChoices):
        MONDAY = 0, pgettext_lazy("weekday", "Monday")
        TUESDAY = 1, pgettext_lazy("weekday", "Tuesday")
        WEDNESDAY = 2, pgettext_lazy("weekday", "Wednesday")
        THURSDAY = 3, pgettext_lazy("weekday", "Thursday")
        FRIDAY = 4, pgettext_lazy("weekday", "Friday")
        SATURDAY = 5, pgettext_lazy("weekday", "Saturday")
        SUNDAY = 6, pgettext_lazy("weekday", "Sunday")

    innbyggertorg = models.ForeignKey(Innbyggertorg, on_delete=models.CASCADE, related_name="weekly_hours",
                                      verbose_name=_("innbyggertorg"))
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices,
                                               validators=[MinValueValidator(0), MaxValueValidator(6)])
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"), help_text=_("At or before the opening time: closes the next day."))

    class Meta:
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        ordering = ["weekday", "opens"]
        constraints = [
            models.CheckConstraint(condition=Q(weekday__gte=0, weekday__lte=6), name="weekly_hours_weekday",
                                   violation_error_message=_("Choose a weekday.")),
            models.CheckConstraint(condition=~Q(opens=models.F("closes")), name="weekly_hours_not_empty",
                                   violation_error_message=_("Opening and closing times must differ.")),
        ]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"


class HoursException(models.Model):
    """The hours of one date instead of the weekly ones: without times the innbyggertorg is
    closed that day; with times, those are its intervals (several rows for several). An
    exception on a public holiday opens it; holidays without one are closed."""

    innbyggertorg = models.ForeignKey(Innbyggertorg, on_delete=models.CASCADE, related_name="exceptions",
                                      verbose_name=_("innbyggertorg"))
    date = models.DateField(_("date"), validators=[MinValueValidator(FIRST_DATE), MaxValueValidator(LAST_DATE)])
    opens = models.TimeField(_("opens"), null=True, blank=True)
    closes = models.TimeField(_("closes"), null=True, blank=True,
                              help_text=_("Leave both times empty when it is closed all day."))
    note = models.CharField(_("note"), max_length=100, blank=True,
                            help_text=_("Why, for example Christmas Eve."))

    class Meta:
        verbose_name = _("exception to the opening hours")
        verbose_name_plural = _("exceptions to the opening hours")
        ordering = ["date", "opens"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(opens__isnull=True, closes__isnull=True)
                           | (Q(opens__isnull=False, closes__isnull=False) & ~Q(opens=models.F("closes")))),
                name="hours_exception_times",
                violation_error_message=_("Give both times, different from each other, or neither."),
            ),
            models.CheckConstraint(condition=Q(date__gte=FIRST_DATE, date__lte=LAST_DATE),
                                   name="hours_exception_date_in_range",
                                   violation_error_message=_("The date is outside the allowed range.")),
        ]

    def __str__(self):
        return f"{self.date}: {self.note}"

    @property
    def closed(self):
        return self.opens is None

    def clean(self):
        if (self.opens is None) != (self.closes is None) or (self.opens is not None and self.opens == self.closes):
            raise ValidationError(_("Give both times, different from each other, or neither."))
