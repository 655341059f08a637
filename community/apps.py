from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    """Where the municipality meets its residents: the innbyggertorg (citizen service points in the
    local centres, with library, services and a stage) and the archive of the lokalsamfunnsutvalg
    (local community committees, a 2020–2021 trial in Tofte, Slemmestad and Heggedal)."""

    name = "community"
    verbose_name = _("Community")

    def ready(self):
        from asker import pagecache

        from . import services

        # "Open now, closes at 15:00" changes by the clock: the next change of each
        # innbyggertorg is a moment; a change of its hours may move it.
        pagecache.watch(self.label, moments=services.moments,
                        moved_by=("community.Innbyggertorg", "community.WeeklyHours", "community.HoursException"))
