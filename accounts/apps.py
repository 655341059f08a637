from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Signing in and out, registering as a resident, resetting a password, one's own account."""

    name = "accounts"
    verbose_name = _("Accounts")
