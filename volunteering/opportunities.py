"""Representatives of organisations, the opportunities they publish and the interest residents
register in them. Imported into models.py; the rules are in rules.py, the logic in services.py."""

import datetime

from django.conf import settings
from django.contrib.gis.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from places.models import Centre

MESSAGE_LENGTH = 1000
TITLE_LENGTH = 200
DESCRIPTION_LENGTH = 5000
ADDRESS_LENGTH = 300


def today():
    """Today's date in Oslo: an opportunity that ended yesterday there has ended."""
    return timezone.localdate()


def next_midnight(now):
    """The first midnight in Oslo after `now`: when the lists lose what ended today."""
    local = timezone.localtime(now)
    tomorrow = local.date() + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time.min))


class RepresentationRequest(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", _("Waiting")
        APPROVED = "approved", _("Approved")
        REFUSED = "refused", _("Refused")

    organisation = models.ForeignKey("volunteering.Organisation", on_delete=models.CASCADE,
                                     related_name="representation_requests", verbose_name=_("organisation"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="representation_requests", verbose_name=_("user"))
    message = models.TextField(_("message"), max_length=MESSAGE_LENGTH, blank=True)
    state = models.CharField(_("state"), max_length=8, choices=State.choices, default=State.PENDING)
    created_at = models.DateTimeField(_("asked"), auto_now_add=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("decided by"))
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("request to represent")
        verbose_name_plural = _("requests to represent")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user"], condition=models.Q(state="pending"),
                                    name="one_pending_request_per_user_and_organisation"),
        ]

    def __str__(self):
        return f"{self.user} → {self.organisation}"


class Representative(models.Model):
    organisation = models.ForeignKey("volunteering.Organisation", on_delete=models.CASCADE,
                                     related_name="representatives", verbose_name=_("organisation"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="represents", verbose_name=_("user"))
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+", verbose_name=_("approved by"))
    approved_at = models.DateTimeField(_("approved"), default=timezone.now)

    class Meta:
        ordering = ["organisation", "user"]
        verbose_name = _("representative")
        verbose_name_plural = _("representatives")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user"], name="one_representative_per_user_and_organisation"),
        ]

    def __str__(self):
        return f"{self.user} ({self.organisation})"


class OpportunityQuerySet(models.QuerySet):
    def moments(self, now):
        """When the pages change by themselves: an opportunity leaves the lists at the midnight
        (in Oslo) after its last day."""
        last_days = (self.filter(published=True, ends_on__gte=timezone.localdate(now))
                     .values_list("ends_on", flat=True).distinct())
        for last_day in last_days:
            yield next_midnight(timezone.make_aware(datetime.datetime.combine(last_day, datetime.time(12))))

    def current(self):
        return self.filter(models.Q(ends_on__isnull=True) | models.Q(ends_on__gte=today()))

    def listed(self):
        """What the public lists: published, of an active organisation, not ended."""
        return self.filter(published=True, organisation__active=True).current()

    def visible_to(self, user):
        """The public sees published opportunities of active organisations (ended ones too, by
        their address); representatives also their organisation's drafts; administrators all."""
        from asker.roles import is_administrator

        if is_administrator.test(user):
            return self.all()
        public = models.Q(published=True, organisation__active=True)
        if user.is_authenticated:
            public |= models.Q(organisation__representatives__user=user)
        return self.filter(public).distinct()


class Opportunity(models.Model):
    class Commitment(models.TextChoices):
        ONCE = "once", _("One-off")
        OCCASIONAL = "occasional", _("Now and then")
        WEEKLY = "weekly", _("Weekly")

    organisation = models.ForeignKey("volunteering.Organisation", on_delete=models.CASCADE,
                                     related_name="opportunities", verbose_name=_("organisation"))
    title = models.CharField(_("title"), max_length=TITLE_LENGTH)
    description = models.TextField(_("description"), max_length=DESCRIPTION_LENGTH)
    commitment = models.CharField(_("time commitment"), max_length=10, choices=Commitment.choices)
    centre = models.ForeignKey(Centre, on_delete=models.PROTECT, related_name="volunteer_opportunities",
                               verbose_name=_("centre"))
    address = models.CharField(_("address"), max_length=ADDRESS_LENGTH, blank=True)
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(_("ends"), null=True, blank=True,
                               help_text=_("Leave empty if it goes on."))
    for_young_people = models.BooleanField(_("suitable for young people"), default=False)
    published = models.BooleanField(_("published"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = OpportunityQuerySet.as_manager()

    class Meta:
        ordering = ["starts_on", "pk"]
        verbose_name = _("volunteer opportunity")
        verbose_name_plural = _("volunteer opportunities")
        constraints = [
            models.CheckConstraint(condition=models.Q(ends_on__isnull=True) | models.Q(ends_on__gte=models.F("starts_on")),
                                   name="opportunity_ends_after_it_starts"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("volunteering:opportunity", args=[self.pk])

    @property
    def has_ended(self):
        return self.ends_on is not None and self.ends_on < today()


class Interest(models.Model):
    opportunity = models.ForeignKey(Opportunity, on_delete=models.CASCADE, related_name="interests",
                                    verbose_name=_("opportunity"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="volunteer_interests", verbose_name=_("user"))
    message = models.TextField(_("message"), max_length=MESSAGE_LENGTH, blank=True)
    contacted = models.BooleanField(_("contacted"), default=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("interest")
        verbose_name_plural = _("interests")
        constraints = [
            models.UniqueConstraint(fields=["opportunity", "user"], name="one_interest_per_user_and_opportunity"),
        ]

    def __str__(self):
        return f"{self.user} → {self.opportunity}"
