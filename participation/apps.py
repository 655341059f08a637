from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    """Consultations (høringer and medvirkning), comments and their moderation."""

    name = "participation"
    verbose_name = _("Participation")

    def ready(self):
        from asker import pagecache

        from .models import Consultation

        pagecache.watch(self.label, moments=lambda now: Consultation.objects.moments(now),
                        moved_by=("participation.Consultation",))
