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

        pagecache.watch(self.label)
