from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VolunteeringConfig(AppConfig):
    """Frivillighet: the voluntary organisations of Asker (from Enhetsregisteret's units that
    are in Frivillighetsregisteret, and ones entered by hand) and, later, their opportunities."""

    name = "volunteering"
    verbose_name = _("Volunteering")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from asker import pagecache

        pagecache.watch(self.label)
