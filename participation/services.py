"""What can happen to a comment, in one place: writing, flagging, moderating, second review.

Every state change goes through `_transition`, which checks it against TRANSITIONS and writes
the moderation log, so a view can never move a comment in a way the rules do not allow.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from asker import mail

from .models import Comment, CommentingBlock, Flag, ModerationAction

logger = logging.getLogger(__name__)

S = Comment.State
A = ModerationAction.Action

# (state before, action) -> state after. Anything else is refused.
TRANSITIONS = {
    (S.PENDING, A.APPROVED): S.PUBLISHED,
    (S.PENDING, A.REJECTED): S.REJECTED,
    (S.PUBLISHED, A.HIDDEN): S.HIDDEN,
    (S.PUBLISHED, A.AUTO_HIDDEN): S.HIDDEN,
    (S.HIDDEN, A.RESTORED): S.PUBLISHED,
    # A moderator confirms a hiding (after flags): the reason reaches the author.
    (S.HIDDEN, A.HIDDEN): S.HIDDEN,
    (S.REJECTED, A.RESTORED): S.PUBLISHED,
    # A flagged comment that a moderator keeps: its state stays, the flags are settled.
    (S.PUBLISHED, A.APPROVED): S.PUBLISHED,
}
NEEDS_REASON = {A.REJECTED, A.HIDDEN}
TELL_AUTHOR = {A.REJECTED, A.HIDDEN, A.RESTORED}


class Refused(Exception):
    """An action the rules do not allow; `message` is for the person who tried."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.message = message
        self.field = field  # the form field the message belongs next to, if any


def comment_max_length():
    return getattr(settings, "COMMENT_MAX_LENGTH", 2000)


def flag_threshold():
    return getattr(settings, "COMMENT_FLAG_THRESHOLD", 3)


def rate_limits():
    return getattr(settings, "COMMENT_RATE_LIMITS", [(60, 5), (3600, 30)])


def active_block(user, now=None):
    now = now or timezone.now()
    return CommentingBlock.objects.filter(user=user, until__gt=now).order_by("-until").first()


def _check_rate(user):
    """Count this comment against the user's limits (fixed windows in the cache)."""
    now = int(timezone.now().timestamp())
    for seconds, limit in rate_limits():
        key = f"comment-rate:{user.pk}:{seconds}:{now // seconds}"
        try:
            cache.add(key, 0, seconds)
            count = cache.incr(key)
        except ValueError:
            count = 1
        except Exception:  # the cache (Redis) is down: commenting must still work
            logger.warning("comment rate limit skipped: cache unavailable", exc_info=True)
            return
        if count > limit:
            raise Refused(_("You have written many comments in a short time. Wait a little and try again."))


def submit(consultation, author, text, location=None, place_name="", parent=None):
    """A new comment (or reply) from a signed-in resident, or Refused with the reason."""
    text = (text or "").strip()
    if not consultation.is_open:
        raise Refused(_("This consultation is not open for comments."))
    block = active_block(author)
    if block:
        raise Refused(_("You cannot comment until %(until)s: %(reason)s.") % {
            "until": timezone.localtime(block.until).strftime("%d.%m.%Y %H:%M"), "reason": block.get_reason_display()})
    if not text:
        raise Refused(_("Write a comment first."), "text")
    if len(text) > comment_max_length():
        raise Refused(_("The comment is %(length)s characters long; the limit is %(limit)s.") % {
            "length": len(text), "limit": comment_max_length()}, "text")
    if parent is not None and (parent.consultation_id != consultation.pk or parent.state != S.PUBLISHED):
        raise Refused(_("You can only reply to a published comment in this consultation."))
    if location is not None:
        area = consultation.subject_area()
        if area is not None and not area.buffer(0.0005).contains(location):
            raise Refused(_("The place you chose lies outside the area of this consultation."), "place")
    if Comment.objects.filter(consultation=consultation, author=author, text=text).exists():
        raise Refused(_("You have already posted this comment."), "text")
    _check_rate(author)
    with transaction.atomic():
        comment = Comment.objects.create(
            consultation=consultation, author=author, text=text, location=location,
            place_name=place_name[:200], parent=parent,
            state=S.PUBLISHED if consultation.moderation == consultation.Moderation.POST else S.PENDING,
        )
        ModerationAction.objects.create(comment=comment, actor=author, action=A.SUBMITTED)
    return comment


def _transition(comment, action, actor, reason="", note=""):
    after = TRANSITIONS.get((comment.state, action))
    if after is None:
        raise Refused(_("The comment is “%(state)s”, so that cannot be done.") % {"state": comment.get_state_display()})
    if action in NEEDS_REASON and not reason:
        raise Refused(_("Choose a reason."))
    if reason and reason not in ModerationAction.Reason.values:
        raise Refused(_("Choose a reason from the list."))
    comment.state = after
    comment.save(update_fields=["state", "updated_at"])
    return ModerationAction.objects.create(comment=comment, actor=actor, action=action, reason=reason, note=note)


@transaction.atomic
def moderate(comment, moderator, action, reason="", note=""):
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    entry = _transition(comment, action, moderator, reason, note)
    comment.flags.filter(settled_at__isnull=True).update(settled_at=timezone.now())
    if action in TELL_AUTHOR and comment.author and comment.author.email:
        transaction.on_commit(lambda: tell_author(comment, entry))
    return comment


def flag(comment, user, reason, note=""):
    """Anyone signed in may flag a published or pending comment once; enough flags hide it."""
    if comment.state not in (S.PUBLISHED, S.PENDING):
        raise Refused(_("This comment is not shown, so it cannot be flagged."))
    if comment.author_id == user.pk:
        raise Refused(_("You cannot flag your own comment."))
    if Flag.objects.filter(comment=comment, user=user).exists():
        raise Refused(_("You have already flagged this comment. A moderator will look at it."))
    with transaction.atomic():
        Flag.objects.create(comment=comment, user=user, reason=reason, note=note[:500])
        comment = Comment.objects.select_for_update().get(pk=comment.pk)
        flaggers = comment.flags.filter(settled_at__isnull=True).values("user").distinct().count()
        if comment.state == S.PUBLISHED and flaggers >= flag_threshold():
            _transition(comment, A.AUTO_HIDDEN, None, note=_("Hidden after flags from %(n)s people") % {"n": flaggers})
    return comment


@transaction.atomic
def request_second_review(comment, author, note=""):
    # Locked, so two requests at once cannot both pass the once-only check.
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    if comment.author_id != author.pk:
        raise Refused(_("Only the author can ask for a second review."))
    if comment.state not in (S.REJECTED, S.HIDDEN):
        raise Refused(_("Only a rejected or hidden comment can be reviewed again."))
    if comment.second_review_requested_at:
        raise Refused(_("You have already asked for a second review of this comment."))
    comment.second_review_requested_at = timezone.now()
    comment.save(update_fields=["second_review_requested_at", "updated_at"])
    entry = ModerationAction.objects.create(comment=comment, actor=author, action=A.REVIEW_REQUESTED, note=note)
    if author.email:
        transaction.on_commit(lambda: tell_author(comment, entry))
    return comment


def edit_own(comment, author, text):
    if comment.author_id != author.pk or comment.state != S.PENDING:
        raise Refused(_("You can only change your own comment while it waits for moderation."))
    text = (text or "").strip()
    if not text or len(text) > comment_max_length():
        raise Refused(_("Write a comment of at most %(limit)s characters.") % {"limit": comment_max_length()})
    with transaction.atomic():
        comment.text = text
        comment.save(update_fields=["text", "updated_at"])
        ModerationAction.objects.create(comment=comment, actor=author, action=A.EDITED)


@transaction.atomic
def withdraw_own(comment, author):
    """The author takes back a comment no one has moderated yet: it is theirs to delete. The
    log keeps its entries (with the comment link emptied) and says it was withdrawn."""
    if comment.author_id != author.pk or comment.state != S.PENDING:
        raise Refused(_("You can only delete your own comment while it waits for moderation."))
    ModerationAction.objects.create(comment=comment, actor=author, action=A.WITHDRAWN)
    comment.flags.all().delete()
    comment.delete()


@transaction.atomic
def block(user, moderator, days, reason, note="", comment=None):
    """Stop `user` commenting for `days`; when a comment was the cause, its log says so."""
    if days < 1 or days > 3650:
        raise Refused(_("Block for 1 to 3650 days."))
    if reason not in ModerationAction.Reason.values:
        raise Refused(_("Choose a reason from the list."))
    stop = CommentingBlock.objects.create(user=user, until=timezone.now() + timedelta(days=days),
                                          reason=reason, note=note, created_by=moderator)
    if comment is not None:
        ModerationAction.objects.create(comment=comment, actor=moderator, action=A.AUTHOR_BLOCKED,
                                        reason=reason, note=note)
    return stop


def tell_author(comment, entry):
    """E-mail the author what happened to their comment, in bokmål (the portal's language)."""
    with translation.override(settings.LANGUAGE_CODE):
        context = {"comment": comment, "entry": entry, "consultation": comment.consultation,
                   "my_data_url": settings.SITE_URL.rstrip("/") + reverse("mydata:index")}
        subject = _("Your comment on “%(title)s”") % {"title": comment.consultation.title}
        body = render_to_string("participation/email/outcome.txt", context)
    mail.send(subject, body, [comment.author.email])
