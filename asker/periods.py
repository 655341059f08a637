"""Something open between two moments (a consultation, a survey round): its phase now."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Phase(models.TextChoices):
    UPCOMING = "upcoming", _("Upcoming")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class OpenPeriod:
    """For a model with `opens_at` and `closes_at`: open from the first, closed from the second."""

    Phase = Phase

    def phase(self, now=None):
        now = now or timezone.now()
        if now < self.opens_at:
            return Phase.UPCOMING
        if now < self.closes_at:
            return Phase.OPEN
        return Phase.CLOSED

    def get_phase_display(self):
        return Phase(self.phase()).label

    @property
    def is_open(self):
        return self.phase() == Phase.OPEN
