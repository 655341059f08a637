from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    """Consultations (høringer and medvirkning), comments and their moderation."""

    name = "participation"
    verbose_name = _("Participation")
