from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class Registration(models.Model):
    """A resident's own sign-up: the account stays inactive until the e-mail link is followed.

    Only an account with a pending registration can be activated by a link, so an account that
    an administrator or moderator has deactivated can never be switched back on by one.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="registration",
        verbose_name=_("user"),
    )
    registered_at = models.DateTimeField(_("registered"), auto_now_add=True)
    activated_at = models.DateTimeField(_("activated"), null=True, blank=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")

    def __str__(self):
        return str(self.user)

    @property
    def is_pending(self):
        return self.activated_at is None


class UsernameReservation(models.Model):
    """A username held for a registration with an address that already has an account.

    A new address gets an inactive account, which holds its username until the link expires; an
    address with an account gets no new one. Unless the username were held just as long, a
    second registration with the same username would tell which of the two it was (taken, or
    not). So it is held here, with the password as an account would keep it (the sign-in page
    answers for it as for an account waiting for activation), and removed with the expired
    registrations (accounts.services.delete_expired_registrations).
    """

    username = models.CharField(_("username"), max_length=150)
    password = models.CharField(_("password"), max_length=128)
    reserved_at = models.DateTimeField(_("reserved"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("username reservation")
        verbose_name_plural = _("username reservations")
        constraints = [
            models.UniqueConstraint(Lower("username"), name="accounts_reservation_username_ci"),
        ]

    def __str__(self):
        return self.username


class RateCounter(models.Model):
    """One fixed window of a rate limit: how many requests `key` made before `expires_at`.

    Counted by a single INSERT … ON CONFLICT DO UPDATE (accounts.ratelimit.hit), so concurrent
    requests can never both see the same count, whatever cache the deployment has.
    """

    key = models.CharField(max_length=200, unique=True)
    count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("rate-limit counter")
        verbose_name_plural = _("rate-limit counters")

    def __str__(self):
        return f"{self.key}: {self.count}"
