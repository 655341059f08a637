from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """Public meetings, workshops and informal meetings with the mayor (Lene-timen): sign-up,
    waiting list and calendar files."""

    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from asker import pagecache

        from .models import Event

        # Sign-up closes when an event starts and it moves to the archive when it ends: the
        # pages change then by themselves.
        pagecache.watch(self.label, moments=lambda now: Event.objects.moments(now),
                        moved_by=("events.Event",))
