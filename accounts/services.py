"""Registering, activating and describing accounts: what the views do, without the HTTP."""

import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import signing
from django.core.cache import cache
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from asker import mail, roles

from .models import Registration

log = logging.getLogger(__name__)

ACTIVATION_SALT = "accounts.activation"
# A new activation link is sent at most this often to one account (seconds).
RESEND_INTERVAL = 300


def activation_timeout():
    return settings.ACCOUNTS_ACTIVATION_TIMEOUT


def make_activation_token(user):
    """A signed, timestamped token naming the user and the address the link was sent to."""
    return signing.dumps({"u": user.pk, "e": user.email}, salt=ACTIVATION_SALT, compress=True)


class ActivationError(Exception):
    """The token cannot activate anything; `reason` is "expired" or "invalid"."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def user_for_activation(token):
    """The user a valid activation token names, or ActivationError.

    An account whose registration is already activated comes back as it is (the caller says
    so); one without a pending registration (created by an administrator, or deactivated after
    it was activated) is "invalid", so a link can never switch a blocked account back on.
    """
    try:
        data = signing.loads(token, salt=ACTIVATION_SALT, max_age=activation_timeout())
    except signing.SignatureExpired:
        raise ActivationError("expired") from None
    except signing.BadSignature:
        raise ActivationError("invalid") from None
    if not isinstance(data, dict):
        raise ActivationError("invalid")
    user = (
        get_user_model()
        .objects.select_related("registration")
        .filter(pk=data.get("u"), email=data.get("e"))
        .first()
    )
    registration = getattr(user, "registration", None) if user else None
    if registration is None:
        raise ActivationError("invalid")
    if not registration.is_pending and not user.is_active:
        raise ActivationError("invalid")  # deactivated since: only an administrator may undo that
    return user


@transaction.atomic
def activate(user):
    """Make a pending registration an active resident's account."""
    registration = Registration.objects.select_for_update().get(user=user)
    if not registration.is_pending:
        return user
    registration.activated_at = timezone.now()
    registration.save(update_fields=["activated_at"])
    user.is_active = True
    user.save(update_fields=["is_active"])
    user.groups.add(Group.objects.get_or_create(name=roles.RESIDENT)[0])
    log.info("account %s activated", user.pk)
    return user


def delete_expired_registrations():
    """Remove accounts registered but never activated before their link expired.

    Their usernames and e-mail addresses are free again, so someone whose link ran out can
    simply register once more.
    """
    cutoff = timezone.now() - timedelta(seconds=activation_timeout())
    expired = get_user_model().objects.filter(
        is_active=False,
        last_login__isnull=True,
        registration__activated_at__isnull=True,
        registration__registered_at__lt=cutoff,
    )
    _total, per_model = expired.delete()
    return per_model.get(get_user_model()._meta.label, 0)


def register(form, request):
    """Create the inactive account from a valid RegistrationForm and send the activation link.

    The link is sent by a Celery task once the account is saved (asker.mail), retried while
    the mail server fails.
    """
    with transaction.atomic():
        user = form.save(commit=False)
        user.is_active = False
        user.save()
        Registration.objects.create(user=user)
    send_activation_email(user, request)
    log.info("account %s registered, activation link sent", user.pk)
    return user


def send_activation_email(user, request):
    url = request.build_absolute_uri(
        reverse("accounts:activate", kwargs={"token": make_activation_token(user)})
    )
    context = {
        "user": user,
        "activation_url": url,
        "valid_days": max(1, activation_timeout() // 86400),
    }
    subject = "".join(render_to_string("accounts/email/activation_subject.txt", context).splitlines())
    body = render_to_string("accounts/email/activation.txt", context)
    mail.send(subject, body, [user.email])


def resend_activation_email(user, request):
    """Send a new link to a pending account, at most once every RESEND_INTERVAL seconds.

    Returns whether a message went out.
    """
    registration = getattr(user, "registration", None)
    if user.is_active or registration is None or not registration.is_pending:
        return False
    try:
        first = cache.add(f"accounts:activation-resent:{user.pk}", 1, RESEND_INTERVAL)
    except Exception:  # the cache is down: send anyway, sign-in is throttled by axes
        log.warning("cache unavailable; sending the activation link without the resend limit")
        first = True
    if first:
        send_activation_email(user, request)
    return first


def roles_of(user):
    """The portal roles (labels, in the active language) that a user has."""
    names = set(user.groups.values_list("name", flat=True))
    if user.is_superuser:
        names.add(roles.ADMINISTRATOR)
    return [label for name, label in roles.ROLES.items() if name in names]
