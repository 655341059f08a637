from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VolunteeringConfig(AppConfig):
    """Frivillighet: the voluntary organisations of Asker (from Enhetsregisteret's units that
    are in Frivillighetsregisteret, and ones entered by hand), their representatives and the
    opportunities they publish."""

    name = "volunteering"
    verbose_name = _("Volunteering")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete

        from asker import pagecache, personaldata

        from . import services
        from .models import Opportunity, Representative
        from .mydata import export_user_data

        personaldata.register(self.label, export_user_data)
        post_delete.connect(services.leave_role_group_if_none_left, sender=Representative,
                            dispatch_uid="volunteering-leave-role-group")
        # An opportunity leaves the lists the day after it ends: the pages change at that midnight.
        pagecache.watch(self.label, moments=lambda now: Opportunity.objects.moments(now),
                        moved_by=("volunteering.Opportunity",))
