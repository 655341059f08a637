from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AboutConfig(AppConfig):
    """What a public service owes its users: the accessibility statement with its form for
    reporting barriers, the privacy statement, and how to reach the municipality."""

    name = "about"
    verbose_name = _("About the portal")
