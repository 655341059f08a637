from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PlacesConfig(AppConfig):
    name = "places"
    verbose_name = _("Places")

    def ready(self):
        from asker import pagecache
        from asker.roles import ensure_groups

        from .geofile import offline

        # GDAL and PROJ stay off the network in every process (web, worker, commands), not
        # only once an upload view has been imported.
        offline.install()

        post_migrate.connect(ensure_groups, sender=self)
        pagecache.watch(self.label)
