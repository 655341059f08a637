"""Registering, activating and describing accounts: what the views do, without the HTTP."""

import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import check_password, make_password
from django.contrib.auth.models import Group
from django.core import signing
from django.core.cache import cache
from django.db import IntegrityError, connection, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from asker import mail, roles

from .models import Registration, UsernameReservation

log = logging.getLogger(__name__)

ACTIVATION_SALT = "accounts.activation"
# A new activation link is sent at most this often to one account (seconds).
RESEND_INTERVAL = 300
# The PostgreSQL advisory lock that registrations take one at a time (any fixed number).
REGISTRATION_LOCK = 7_100_001


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
    """Remove accounts registered but never activated before their link expired, and the
    usernames held as long for registrations with an address that had an account.

    Their usernames and e-mail addresses are free again, so someone whose link ran out can
    simply register once more. Returns how many were removed.
    """
    cutoff = timezone.now() - timedelta(seconds=activation_timeout())
    expired = get_user_model().objects.filter(
        is_active=False,
        last_login__isnull=True,
        registration__activated_at__isnull=True,
        registration__registered_at__lt=cutoff,
    )
    _total, per_model = expired.delete()
    reservations, _ = UsernameReservation.objects.filter(reserved_at__lt=cutoff).delete()
    return per_model.get(get_user_model()._meta.label, 0) + reservations


def username_taken(username):
    """Whether an account, or a registration with an address that had one, holds the username
    (in any case: "Kari" and "kari" are one name to the people reading comments)."""
    return (get_user_model()._default_manager.filter(username__iexact=username).exists()
            or UsernameReservation.objects.filter(username__iexact=username).exists())


def reservation_for_sign_in(username, password):
    """The reservation of `username` if `password` is the one it was registered with, else
    None: the sign-in page answers for it as for an account waiting for its activation link."""
    reservation = UsernameReservation.objects.filter(username=username).first()
    if reservation is None or not check_password(password, reservation.password):
        return None
    return reservation


class UsernameTaken(Exception):
    """Another registration took the username after the form was checked."""


def register(form):
    """Act on a valid RegistrationForm. The visitor is told the same whatever happens here, so
    the page never says whether an e-mail address has an account (usernames are public, and
    the form still says when one is taken).

    A new address gets an inactive account and the activation link; an address that already
    has an account gets no new one, and its owner an e-mail saying how to sign in
    (`notify_already_registered`). The username is held in both cases, for as long (a
    UsernameReservation for the second), so that registering with it again does not tell the
    two apart either. Returns the new user, or None. Raises UsernameTaken when a concurrent
    registration took the username first.
    """
    email = form.cleaned_data["email"]
    username = form.cleaned_data["username"]
    User = get_user_model()
    try:
        with transaction.atomic():
            _one_registration_at_a_time()
            if username_taken(username):
                raise UsernameTaken
            existing = list(User._default_manager.filter(email__iexact=email).select_related("registration"))
            if existing:
                # Hashed as a new account's password is, so the time taken does not tell either.
                UsernameReservation.objects.create(
                    username=username, password=make_password(form.cleaned_data["password1"]))
            else:
                user = form.save(commit=False)
                user.is_active = False
                user.save()
                Registration.objects.create(user=user)
    except IntegrityError:
        raise UsernameTaken from None  # the only unique columns a registration writes
    if existing:
        for user in existing:
            notify_already_registered(user)
        log.info("registration with the address of account(s) %s; owner told", [u.pk for u in existing])
        return None
    send_activation_email(user)
    log.info("account %s registered, activation link sent", user.pk)
    return user


def _one_registration_at_a_time():
    """Hold a transaction lock that every registration takes, so the check for an address or a
    username already taken and the insert happen as one step: concurrent sign-ups with the same
    address could otherwise create two accounts for it. Registrations are rare and rate-limited.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [REGISTRATION_LOCK])


def send_templated_mail(template, context, to):
    """Render accounts/email/<template>_subject.txt and <template>.txt and queue the message
    (asker.mail: sent by a worker, retried while the mail server fails, never a 500)."""
    subject = "".join(render_to_string(f"accounts/email/{template}_subject.txt", context).splitlines())
    body = render_to_string(f"accounts/email/{template}.txt", context)
    mail.send(subject, body, to)


def _activation_context(user):
    return {
        "user": user,
        "activation_url": mail.site_url(reverse("accounts:activate", kwargs={"token": make_activation_token(user)})),
        "valid_days": max(1, activation_timeout() // 86400),
    }


def send_activation_email(user):
    send_templated_mail("activation", _activation_context(user), [user.email])


def notify_already_registered(user):
    """Tell the owner of an address that someone tried to register with it: how to sign in or
    choose a new password, or, while their own registration waits, a fresh activation link.
    An account deactivated by an administrator is told nothing: neither would work for it."""
    registration = getattr(user, "registration", None)
    pending = registration is not None and registration.is_pending and not user.is_active
    if not user.is_active and not pending:
        return
    context = _activation_context(user) if pending else {"user": user}
    context.update(
        pending=pending,
        login_url=mail.site_url(reverse("accounts:login")),
        reset_url=mail.site_url(reverse("accounts:password_reset")),
    )
    send_templated_mail("already_registered", context, [user.email])


def resend_activation_email(user):
    """Send a new link to a pending account, at most once every RESEND_INTERVAL seconds.

    Returns whether a message went out. A UsernameReservation has no link and no address:
    nothing is sent for it (its registration's address was told how to sign in).
    """
    if isinstance(user, UsernameReservation):
        return False
    registration = getattr(user, "registration", None)
    if user.is_active or registration is None or not registration.is_pending:
        return False
    try:
        first = cache.add(f"accounts:activation-resent:{user.pk}", 1, RESEND_INTERVAL)
    except Exception:  # the cache is down: send anyway, sign-in is throttled by axes
        log.warning("cache unavailable; sending the activation link without the resend limit")
        first = True
    if first:
        send_activation_email(user)
    return first


def role_labels(user):
    """The portal roles (labels, in the active language) that a user has."""
    return [roles.ROLES[name] for name in roles.roles_of(user)]
