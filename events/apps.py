from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """Public meetings, workshops and informal meetings with the mayor (Lene-timen): sign-up,
    waiting list and calendar files."""

    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from asker import pagecache

        pagecache.watch(self.label)
