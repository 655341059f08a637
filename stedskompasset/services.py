"""Saving responses: a resident's answer and a workshop group's scores, under the rules
(stedskompasset/rules.py), once per resident and round, and within the rate limit."""

import rules
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from accounts import ratelimit
from asker.roles import is_planning_staff, is_signed_in

from .models import ONE_ANSWER_PER_ROUND, SurveyResponse, ThemeScore
from .themes import MAX_SCORE, MIN_SCORE, THEME_NUMBERS


class Refused(Exception):
    """An action that is not allowed; `message` is for the person who tried."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def rate_limits(scope):
    """(seconds, posts) windows. A resident answers once per round, so a few a minute is plenty; a
    facilitator types in a whole workshop's paper forms one after another."""
    if scope == "workshop":
        return getattr(settings, "STEDSKOMPASSET_WORKSHOP_RATE_LIMITS", [(60, 20), (3600, 300)])
    return getattr(settings, "STEDSKOMPASSET_RATE_LIMITS", [(60, 5), (3600, 30)])


def has_answered(survey_round, user):
    return user.is_authenticated and SurveyResponse.objects.filter(round=survey_round, respondent=user).exists()


def why_not_answer(survey_round, user):
    """Why `user` cannot answer in `survey_round` now, or None."""
    if not is_signed_in.test(user):
        return _("Sign in to answer.")
    phase = survey_round.phase()
    if phase == survey_round.Phase.UPCOMING:
        return _("This survey round has not opened yet.")
    if phase == survey_round.Phase.CLOSED:
        return _("This survey round is closed, so it takes no more answers.")
    if not rules.has_perm("stedskompasset.answer", user, survey_round):
        return _("You cannot answer in this survey round.")
    if has_answered(survey_round, user):
        return _("You have already answered in this round. Each person answers once.")
    return None


def _check_scores(scores):
    # The forms check this too; a service is called from elsewhere (the demo loader, tests).
    if set(scores) != set(THEME_NUMBERS):
        raise Refused(_("Give a score for every theme."))
    for score, _good, _better in scores.values():
        if not isinstance(score, int) or isinstance(score, bool) or not MIN_SCORE <= score <= MAX_SCORE:
            raise Refused(_("A score is a whole number from 1 to 7."))


def _count_against_rate(user, scope="answer"):
    for seconds, limit in rate_limits(scope):
        if ratelimit.hit(f"stedskompasset-{scope}", user.pk, limit, seconds):
            raise Refused(_("You have sent many answers in a short time. Wait a little and try again."))


def _save(response, scores):
    response.save()
    ThemeScore.objects.bulk_create([
        ThemeScore(response=response, theme=number, score=score, good_now=good, could_be_better=better)
        for number, (score, good, better) in sorted(scores.items())])
    return response


def answer(survey_round, user, scores):
    """A resident's answer: `scores` is {theme number: (score, good now, could be better)}."""
    reason = why_not_answer(survey_round, user)
    if reason:
        raise Refused(reason)
    _check_scores(scores)
    _count_against_rate(user)
    try:
        with transaction.atomic():
            return _save(SurveyResponse(round=survey_round, respondent=user, kind=SurveyResponse.Kind.SURVEY), scores)
    except IntegrityError as exc:
        if ONE_ANSWER_PER_ROUND in str(exc):
            raise Refused(_("You have already answered in this round. Each person answers once.")) from exc
        raise


def why_not_workshop(survey_round, user):
    if not is_planning_staff.test(user):
        return _("Only planners and administrators can enter the scores of a workshop.")
    if survey_round is not None and not rules.has_perm("stedskompasset.enter_workshop", user, survey_round):
        return _("This survey round has not opened yet.")
    return None


def enter_workshop(survey_round, facilitator, scores, participants, held_on=None, held_at=""):
    """One workshop group's agreed scores, typed in from its paper form by a facilitator."""
    reason = why_not_workshop(survey_round, facilitator)
    if reason:
        raise Refused(reason)
    _check_scores(scores)
    if not isinstance(participants, int) or participants < 1 or participants > 500:
        raise Refused(_("A workshop group has 1 to 500 participants."))
    _count_against_rate(facilitator, "workshop")
    with transaction.atomic():
        return _save(SurveyResponse(round=survey_round, kind=SurveyResponse.Kind.WORKSHOP, entered_by=facilitator,
                                    participants=participants, held_on=held_on, held_at=held_at.strip()[:200]),
                     scores)
