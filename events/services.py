"""Signing up and cancelling, the waiting list, and saving and cancelling events.

Every change to who has a place runs in one transaction holding the event's row
(`select_for_update`): two people asking for the last place at once are served one after the
other, so the second finds it taken and goes to the waiting list. The unique constraint on
(event, user) is the last word on double booking. E-mail follows the commit, through Celery.
"""

import logging

import rules
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from accounts import ratelimit
from asker.roles import is_signed_in

from .models import Event, Registration

logger = logging.getLogger(__name__)
R = Registration.State


class Refused(Exception):
    """An action the rules do not allow; `message` is for the person who tried."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.message = message
        self.field = field


def rate_limit():
    return getattr(settings, "EVENT_SIGNUP_RATE_LIMIT", (20, 3600))


def _why_not(perm, user, event):
    if not is_signed_in.test(user):
        return _("Sign in to sign up for events.")
    if perm in ("events.sign_up", "events.cancel_registration"):
        if event.is_cancelled:
            return _("The event is cancelled.")
        if not event.is_published:
            return _("The event is not open for sign-up.")
        if event.has_started():
            return _("Sign-up closed when the event started.")
    if perm == "events.cancel_event" and event is not None and event.is_cancelled:
        return _("The event is already cancelled.")
    if perm == "events.cancel_event" and event is not None:
        return _("The event is over.")
    return _("You cannot do that.")


def require(perm, user, event=None):
    if not rules.has_perm(perm, user, event):
        raise Refused(_why_not(perm, user, event))


def _count_against_rate(user):
    limit, seconds = rate_limit()
    if ratelimit.hit("event-signup", user.pk, limit, seconds):
        raise Refused(_("You have signed up and cancelled many times in a short time. Wait a little and try again."))


def _locked(event):
    return Event.objects.select_for_update().get(pk=event.pk)


def _tell(what, event, user, language):
    """Queue the e-mail after the commit; a broker that cannot take it is logged, never raised."""
    from .tasks import tell_participant

    def queue():
        try:
            tell_participant.delay(event.pk, user.pk, what, language)
        except Exception:
            logger.exception("could not queue the %s mail for event %s", what, event.pk)

    transaction.on_commit(queue, robust=True)


def sign_up(event, user):
    """A place, or a place in the waiting list when the event is full. Returns the registration."""
    with transaction.atomic():
        event = _locked(event)
        require("events.sign_up", user, event)
        if Registration.objects.filter(event=event, user=user).exists():
            raise Refused(_("You are already signed up for this event."))
        _count_against_rate(user)
        confirmed = event.registrations.filter(state=R.CONFIRMED).count()
        state = R.CONFIRMED if event.capacity is None or confirmed < event.capacity else R.WAITING
        try:
            with transaction.atomic():
                registration = Registration.objects.create(event=event, user=user, state=state,
                                                           language=_language())
        except IntegrityError as exc:
            raise Refused(_("You are already signed up for this event.")) from exc
        _tell("signed_up" if state == R.CONFIRMED else "waiting", event, user, registration.language)
    return registration


def cancel_registration(event, user):
    """Give up one's place (or place in the waiting list); the first in the waiting list gets it.
    Returns the state the registration had."""
    with transaction.atomic():
        event = _locked(event)
        require("events.cancel_registration", user, event)
        registration = Registration.objects.filter(event=event, user=user).first()
        if registration is None:
            raise Refused(_("You are not signed up for this event."))
        _count_against_rate(user)
        registration.delete()
        _tell("cancelled", event, user, _language())
        if registration.state == R.CONFIRMED:
            _fill_places(event)
    return registration.state


def release_places_of(sender=None, instance=None, **kwargs):
    """Before an account is deleted (pre_delete, connected in apps.py): its places at coming
    events go to the waiting lists, as if it had cancelled; the cascade alone would leave them empty."""
    coming = (Registration.objects.filter(user=instance, state=R.CONFIRMED, event__starts_at__gt=timezone.now())
              .values_list("event_id", flat=True))
    for event_id in list(coming):
        with transaction.atomic():
            event = Event.objects.select_for_update().get(pk=event_id)
            Registration.objects.filter(event=event, user=instance).delete()
            _fill_places(event)


def _fill_places(event):
    """Move people up from the waiting list while there are places; called with the row locked."""
    if event.capacity is None:
        waiting = list(event.registrations.filter(state=R.WAITING).select_related("user"))
    else:
        free = event.capacity - event.registrations.filter(state=R.CONFIRMED).count()
        if free <= 0:
            return []
        waiting = list(event.registrations.filter(state=R.WAITING).select_related("user")[:free])
    for registration in waiting:
        registration.state = R.CONFIRMED
        registration.save(update_fields=["state"])
        _tell("moved_up", event, registration.user, registration.language)
    return waiting


def _language():
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


def save_event(form, user):
    """Save a new or changed event from its (valid) form. A change raises the sequence, so
    calendars replace their copy; more places let people up from the waiting list."""
    with transaction.atomic():
        event = form.instance
        if event.pk:
            locked = _locked(event)
            require("events.edit_event", user, locked)
            event.sequence = locked.sequence + 1
            confirmed = locked.registrations.filter(state=R.CONFIRMED).count()
            if event.capacity is not None and event.capacity < confirmed:
                raise Refused(_("%(count)s people already have a place: the number of places cannot be lower.")
                              % {"count": confirmed}, "capacity")
        else:
            require("events.manage_events", user)
            event.created_by = user
        event = form.save()
        if event.state != Event.State.CANCELLED:
            _fill_places(event)
    return event


def cancel_event(event, user):
    """Cancel the event: it stays on the pages and in the calendars, marked cancelled, and
    everyone with a place or in the waiting list is told."""
    with transaction.atomic():
        event = _locked(event)
        require("events.cancel_event", user, event)
        event.state = Event.State.CANCELLED
        event.sequence += 1
        event.save(update_fields=["state", "sequence", "updated_at"])
        for registration in event.registrations.select_related("user"):
            _tell("event_cancelled", event, registration.user, registration.language)
    return event


def registration_of(event, user):
    if not user.is_authenticated:
        return None
    return Registration.objects.filter(event=event, user=user).first()


def waiting_position(registration):
    """1 for the first in the waiting list."""
    return Registration.objects.filter(
        event_id=registration.event_id, state=R.WAITING, created_at__lte=registration.created_at,
    ).exclude(created_at=registration.created_at, pk__gt=registration.pk).count()

