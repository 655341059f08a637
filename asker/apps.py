from django.apps import AppConfig


class AskerConfig(AppConfig):
    """The project's own shared parts: template tags, mail, rate-limit-free helpers."""

    name = "asker"
    verbose_name = "Asker planportal"

    def ready(self):
        from . import pagecache

        pagecache.connect_signals()
        pagecache.set_release()
