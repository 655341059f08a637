"""Asking to represent an organisation and deciding on it; registering and withdrawing interest
in an opportunity, and telling the representatives. Views call these and show `Refused.message`.

The unique constraints (one waiting request per person and organisation, one interest per person
and opportunity) are the last word when two requests race; e-mail follows the commit, through Celery.
"""

import logging

import rules
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from accounts import ratelimit
from asker.roles import ORGANISATION_REPRESENTATIVE

from .models import Interest, RepresentationRequest, Representative

logger = logging.getLogger(__name__)
PENDING = RepresentationRequest.State.PENDING


class Refused(Exception):
    """An action the rules do not allow; `message` is for the person who tried."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def rate_limit():
    return getattr(settings, "VOLUNTEERING_RATE_LIMIT", (20, 3600))


def _count_against_rate(user):
    limit, seconds = rate_limit()
    if ratelimit.hit("volunteering", user.pk, limit, seconds):
        raise Refused(_("You have done this many times in a short time. Wait a little and try again."))


def _language():
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


def request_representation(organisation, user, message=""):
    if not rules.has_perm("volunteering.request_representation", user, organisation):
        if not user.is_authenticated:
            raise Refused(_("Sign in to ask to represent an organisation."))
        raise Refused(_("You already represent this organisation."))
    if RepresentationRequest.objects.filter(organisation=organisation, user=user, state=PENDING).exists():
        raise Refused(_("You have already asked to represent this organisation. An administrator will answer."))
    _count_against_rate(user)
    try:
        with transaction.atomic():
            return RepresentationRequest.objects.create(organisation=organisation, user=user, message=message)
    except IntegrityError as exc:
        raise Refused(_("You have already asked to represent this organisation. An administrator will answer.")) from exc


def decide(request_pk, approve, by):
    """Approve or refuse a waiting request; an approved one makes the person a representative of
    the organisation and puts them in the organisation representatives' role group."""
    if not rules.has_perm("volunteering.decide_representation", by):
        raise Refused(_("Only administrators decide who represents an organisation."))
    with transaction.atomic():
        asked = (RepresentationRequest.objects.select_for_update().select_related("organisation", "user")
                 .filter(pk=request_pk).first())
        if asked is None or asked.state != PENDING:
            raise Refused(_("This request is already decided."))
        asked.state = RepresentationRequest.State.APPROVED if approve else RepresentationRequest.State.REFUSED
        asked.decided_by, asked.decided_at = by, timezone.now()
        asked.save(update_fields=["state", "decided_by", "decided_at"])
        if approve:
            Representative.objects.get_or_create(organisation=asked.organisation, user=asked.user,
                                                 defaults={"approved_by": by, "approved_at": asked.decided_at})
            join_role_group(asked.user)
    return asked


def leave_role_group_if_none_left(sender=None, instance=None, **kwargs):
    """After a representative is removed (post_delete, connected in apps.py): a person who no
    longer represents any organisation leaves the role group."""
    if not Representative.objects.filter(user_id=instance.user_id).exists():
        group = Group.objects.filter(name=ORGANISATION_REPRESENTATIVE).first()
        if group is not None:
            group.user_set.remove(instance.user_id)


def join_role_group(user):
    """Every representative is in the role group (also one added in the Django admin)."""
    user.groups.add(Group.objects.get_or_create(name=ORGANISATION_REPRESENTATIVE)[0])


def register_interest(opportunity, user, message=""):
    if not user.is_authenticated:
        raise Refused(_("Sign in to register your interest."))
    if not rules.has_perm("volunteering.register_interest", user, opportunity):
        raise Refused(_("This opportunity is no longer open."))
    if Interest.objects.filter(opportunity=opportunity, user=user).exists():
        raise Refused(_("You have already registered your interest in this opportunity."))
    _count_against_rate(user)
    try:
        with transaction.atomic():
            interest = Interest.objects.create(opportunity=opportunity, user=user, message=message)
    except IntegrityError as exc:
        raise Refused(_("You have already registered your interest in this opportunity.")) from exc
    _tell_representatives(interest)
    return interest


def withdraw_interest(opportunity, user):
    if not user.is_authenticated:
        raise Refused(_("Sign in to register your interest."))
    _count_against_rate(user)
    deleted, _rows = Interest.objects.filter(opportunity=opportunity, user=user).delete()
    if not deleted:
        raise Refused(_("You have not registered interest in this opportunity."))


def mark_contacted(opportunity, interest_pk, contacted, by):
    if not rules.has_perm("volunteering.see_interest", by, opportunity):
        raise Refused(_("Only the organisation's representatives see who is interested."))
    if not Interest.objects.filter(opportunity=opportunity, pk=interest_pk).update(contacted=contacted):
        raise Refused(_("Unknown interest."))


def _tell_representatives(interest):
    from .tasks import tell_representatives

    def queue():
        try:
            tell_representatives.delay(interest.pk, _language())
        except Exception:
            logger.exception("could not queue the interest mail for %s", interest.pk)

    transaction.on_commit(queue, robust=True)
