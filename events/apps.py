from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """Public meetings, workshops and informal meetings with the mayor (Lene-timen): sign-up,
    waiting list and calendar files."""

    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from django.conf import settings
        from django.db.models.signals import pre_delete

        from asker import pagecache, personaldata

        from . import services
        from .models import Event
        from .mydata import export_user_data

        personaldata.register(self.label, export_user_data)
        pre_delete.connect(services.release_places_of, sender=settings.AUTH_USER_MODEL,
                           dispatch_uid="events-release-places")

        # Sign-up closes when an event starts and it moves to the archive when it ends: the
        # pages change then by themselves.
        pagecache.watch(self.label, moments=lambda now: Event.objects.moments(now),
                        moved_by=("events.Event",))
