import uuid

from django.conf import settings
from django.contrib.gis.db import models
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.models import Innbyggertorg
from places.models import Centre

MAX_CAPACITY = 10000


class EventQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The public sees published and cancelled events (a cancelled one says so); those who
        keep events also see drafts. The one place that says who sees which event."""
        from .rules import can_manage_events

        if can_manage_events.test(user):
            return self.all()
        return self.exclude(state=Event.State.DRAFT)

    def public(self):
        """What the calendar feeds and the innbyggertorg and centre pages list: never a draft."""
        return self.exclude(state=Event.State.DRAFT)

    def coming(self, now=None):
        # Until it ends an event is coming: an evening meeting that has begun is still on.
        return self.filter(ends_at__gt=now or timezone.now())

    def past(self, now=None):
        return self.filter(ends_at__lte=now or timezone.now())

    def at_centre(self, centre):
        """Events at the centre itself and at its innbyggertorg."""
        return self.filter(Q(centre=centre) | Q(innbyggertorg__centre=centre))

    def with_counts(self):
        R = Registration.State
        return self.annotate(
            confirmed_count=Count("registrations", filter=Q(registrations__state=R.CONFIRMED)),
            waiting_count=Count("registrations", filter=Q(registrations__state=R.WAITING)))

    def with_place(self):
        return self.select_related("innbyggertorg__centre", "centre").defer(
            "centre__catchment", "innbyggertorg__centre__catchment")

    def moments(self, now):
        """When the pages change by themselves: sign-up closes when an event starts, and it
        moves to the archive when it ends."""
        for starts, ends in self.public().filter(ends_at__gt=now).values_list("starts_at", "ends_at"):
            yield from (starts, ends)


class Event(models.Model):
    """A public meeting, a workshop or Lene-timen (the mayor's informal meeting with residents),
    at an innbyggertorg, a centre or an address, with sign-up and perhaps a limit of places."""

    class Kind(models.TextChoices):
        PUBLIC_MEETING = "folkemote", _("Public meeting")
        WORKSHOP = "verksted", _("Workshop")
        LENE_TIMEN = "lene-timen", _("Lene-timen: informal meeting with the mayor")

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        CANCELLED = "cancelled", _("Cancelled")

    kind = models.CharField(_("kind of event"), max_length=16, choices=Kind.choices, default=Kind.PUBLIC_MEETING)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=5000)
    innbyggertorg = models.ForeignKey(Innbyggertorg, on_delete=models.PROTECT, null=True, blank=True,
                                      related_name="events", verbose_name=_("innbyggertorg"))
    centre = models.ForeignKey(Centre, on_delete=models.PROTECT, null=True, blank=True, related_name="events",
                               verbose_name=_("centre"))
    address = models.CharField(_("address"), max_length=200, blank=True)
    location = models.PointField(_("location"), srid=4326, null=True, blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    capacity = models.PositiveIntegerField(
        _("number of places"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(MAX_CAPACITY)],
        help_text=_("Empty: no limit."))
    state = models.CharField(_("state"), max_length=16, choices=State.choices, default=State.DRAFT)
    # The calendar files' UID: the same event stays one entry in a calendar that subscribed.
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # Raised at every change, so calendars replace their copy (iCalendar SEQUENCE).
    sequence = models.PositiveIntegerField(default=0, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="event_ends_after_start",
                                   violation_error_message=_("The event must end after it starts.")),
            models.CheckConstraint(condition=Q(capacity__isnull=True) | Q(capacity__gte=1),
                                   name="event_capacity_positive",
                                   violation_error_message=_("Ensure this value is greater than or equal to 1.")),
            # Exactly one place: an innbyggertorg, a centre or an address.
            models.CheckConstraint(
                condition=(Q(innbyggertorg__isnull=False, centre__isnull=True, address="")
                           | Q(innbyggertorg__isnull=True, centre__isnull=False, address="")
                           | (Q(innbyggertorg__isnull=True, centre__isnull=True) & ~Q(address=""))),
                name="event_has_one_place",
                violation_error_message=_("Choose exactly one place: an innbyggertorg, a centre or an address.")),
        ]
        indexes = [models.Index(fields=["ends_at", "starts_at"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:event", args=[self.pk])

    @property
    def is_cancelled(self):
        return self.state == self.State.CANCELLED

    @property
    def is_published(self):
        return self.state == self.State.PUBLISHED

    def has_started(self, now=None):
        return (now or timezone.now()) >= self.starts_at

    def place_name(self):
        """Where, in words (Norwegian names)."""
        if self.innbyggertorg_id:
            return self.innbyggertorg.name
        if self.centre_id:
            return self.centre.name
        return self.address

    def place_address(self):
        if self.innbyggertorg_id:
            return self.innbyggertorg.address
        return ""

    def place_centre(self):
        if self.innbyggertorg_id:
            return self.innbyggertorg.centre
        return self.centre

    def place_point(self):
        if self.innbyggertorg_id:
            return self.innbyggertorg.location
        if self.centre_id:
            return self.centre.location
        return self.location

    def places_left(self, confirmed=None):
        """None when there is no limit."""
        if self.capacity is None:
            return None
        if confirmed is None:
            confirmed = getattr(self, "confirmed_count", None)
        if confirmed is None:
            confirmed = self.registrations.filter(state=Registration.State.CONFIRMED).count()
        return max(self.capacity - confirmed, 0)


class Registration(models.Model):
    """One person's place at an event, or their place in its waiting list. Cancelling deletes
    it: nothing about a person is kept once they no longer come."""

    class State(models.TextChoices):
        CONFIRMED = "confirmed", _("Signed up")
        WAITING = "waiting", _("On the waiting list")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_registrations")
    state = models.CharField(max_length=16, choices=State.choices)
    # The waiting list is served in this order.
    created_at = models.DateTimeField(default=timezone.now)
    # The language of the page they signed up on: their e-mails come in it.
    language = models.CharField(max_length=8, default="nb")

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["event", "user"], name="one_registration_per_event_and_user")]

    def __str__(self):
        return f"{self.user} – {self.event}"
