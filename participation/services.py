"""What can happen to a comment, in one place: writing, flagging, moderating, second review.

Every state change goes through `_transition`, which checks it against TRANSITIONS and writes
the moderation log, so a view can never move a comment in a way the rules do not allow.
"""

import logging
from datetime import timedelta

import rules
from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts import ratelimit
from asker import mail, pagecache
from asker.roles import is_moderation_staff, is_planning_staff, is_signed_in
from places.geometry import inside_municipality

from . import rules as r
from .models import DUPLICATE_COMMENT, Comment, CommentingBlock, Flag, ModerationAction

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
    return CommentingBlock.objects.running_for(user, now)


def _blocked_message(block):
    return _("You cannot comment until %(until)s: %(reason)s.") % {
        "until": date_format(timezone.localtime(block.until), "DATETIME_FORMAT"), "reason": block.get_reason_display()}


def _why_not_comment(user, consultation):
    if not is_signed_in.test(user):
        return _("Sign in to comment.")
    if not r.is_open_consultation.test(user, consultation):
        return _("This consultation is not open for comments.")
    block = r.running_block(user)
    if block is not None:
        return _blocked_message(block)
    return None


def _why_not(perm, user, obj):
    """Which part of rule `perm` says no, in words for the person who tried."""
    own = isinstance(obj, Comment) and r.is_own.test(user, obj)
    if perm == "participation.comment":
        return _why_not_comment(user, obj)
    if perm == "participation.reply":
        if not r.is_published.test(user, obj):
            return _("You can only reply to a published comment in this consultation.")
        if not r.is_top_level.test(user, obj):
            return _("You can reply to a comment, but not to a reply.")
        return _why_not_comment(user, obj.consultation)
    if perm == "participation.edit_own_comment":
        if not own or not r.is_pending.test(user, obj):
            return _("You can only change your own comment while it waits for moderation.")
        return _why_not_comment(user, obj.consultation)
    if perm == "participation.withdraw_own_comment":
        return _("You can only delete your own comment while it waits for moderation.")
    if perm == "participation.flag_comment":
        if not is_signed_in.test(user):
            return _("Sign in to report a comment.")
        if own:
            return _("You cannot flag your own comment.")
        return _("This comment is not shown, so it cannot be flagged.")
    if perm == "participation.ask_second_review":
        if not own:
            return _("Only the author can ask for a second review.")
        if not r.is_decided_against.test(user, obj):
            return _("Only a rejected or hidden comment can be reviewed again.")
        return _("You have already asked for a second review of this comment.")
    if perm == "participation.moderate" or (perm == "participation.block_user" and not is_moderation_staff.test(user)):
        return _("Only moderators can do that.")
    if perm == "participation.block_user":
        return _("You cannot block yourself.")
    if perm == "participation.close_consultation":
        if not is_planning_staff.test(user):
            return _("Only planners can close a consultation.")
        return _("The consultation is already closed.")
    if perm in ("participation.edit_answer", "participation.publish_answer"):
        return _why_not_answer(perm, user, obj)
    return None


def why_not(perm, user, obj=None):
    """Why rule `perm` does not let `user` act on `obj`, for a page that explains instead of acting."""
    return None if rules.has_perm(perm, user, obj) else _why_not(perm, user, obj)


def require(perm, user, obj=None):
    """Go on if rule `perm` lets `user` act on `obj`; else Refused, saying which part said no."""
    if not rules.has_perm(perm, user, obj):
        raise Refused(_why_not(perm, user, obj) or _("You cannot do that."))


def _clean_text(text):
    text = (text or "").strip()
    if not text:
        raise Refused(_("Write a comment first."), "text")
    if len(text) > comment_max_length():
        raise Refused(_("The comment is %(length)s characters long; the limit is %(limit)s.") % {
            "length": len(text), "limit": comment_max_length()}, "text")
    return text


def _duplicate():
    return Refused(_("You have already posted this comment."), "text")


def _count_against_rate(user):
    """One more post by `user` in each window of COMMENT_RATE_LIMITS, counted atomically in
    the database, so concurrent posts cannot slip past the limit and Redis may be down."""
    for seconds, limit in rate_limits():
        if ratelimit.hit("comment", user.pk, limit, seconds):
            raise Refused(_("You have written many comments in a short time. Wait a little and try again."))


def _saving_text(save):
    """Run `save` (an insert or update of a comment's text); the database's refusal of a
    duplicate becomes the same message as the check before it."""
    try:
        with transaction.atomic():
            return save()
    except IntegrityError as exc:
        if DUPLICATE_COMMENT in str(exc):
            raise _duplicate() from exc
        raise


def submit(consultation, author, text, location=None, place_name="", parent=None):
    """A new comment (or reply) from a signed-in resident, or Refused with the reason."""
    if parent is None:
        require("participation.comment", author, consultation)
    else:
        if parent.consultation_id != consultation.pk:
            raise Refused(_("You can only reply to a published comment in this consultation."))
        require("participation.reply", author, parent)
    text = _clean_text(text)
    if location is not None and not _inside_consultation(consultation, location):
        raise Refused(_("The place you chose lies outside the area of this consultation."), "place")
    if Comment.objects.filter(consultation=consultation, author=author, text=text).exists():
        raise _duplicate()
    _count_against_rate(author)

    def save():
        comment = Comment.objects.create(
            consultation=consultation, author=author, text=text, location=location,
            place_name=place_name[:200], parent=parent,
            state=S.PUBLISHED if consultation.moderation == consultation.Moderation.POST else S.PENDING,
        )
        ModerationAction.objects.create(comment=comment, actor=author, action=A.SUBMITTED,
                                        params=_language_used())
        return comment

    return _saving_text(save)


def _inside_consultation(consultation, location):
    """A comment's place lies in the consultation's area, or, when its subject has none (a plan
    without a boundary), in the municipality, with the tolerance its other checks allow."""
    area = consultation.subject_area()
    if area is not None:
        return area.buffer(0.0005).contains(location)
    return inside_municipality(location, consultation.municipality)


def _language_used():
    """The language the person is using the portal in now: what they will read e-mails in."""
    return {"language": translation.get_language() or settings.LANGUAGE_CODE}


def _transition(comment, action, actor, reason="", note="", params=None):
    after = TRANSITIONS.get((comment.state, action))
    if after is None:
        raise Refused(_("The comment is “%(state)s”, so that cannot be done.") % {"state": comment.get_state_display()})
    if action in NEEDS_REASON and not reason:
        raise Refused(_("Choose a reason."))
    if reason and reason not in ModerationAction.Reason.values:
        raise Refused(_("Choose a reason from the list."))
    comment.state = after
    comment.save(update_fields=["state", "updated_at"])
    return ModerationAction.objects.create(comment=comment, actor=actor, action=action, reason=reason, note=note,
                                           params=params or {})


@transaction.atomic
def moderate(comment, moderator, action, reason="", note=""):
    require("participation.moderate", moderator, comment)
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    entry = _transition(comment, action, moderator, reason, note)
    comment.flags.filter(settled_at__isnull=True).update(settled_at=timezone.now())
    pagecache.bump()  # a bulk update sends no signals
    if action in TELL_AUTHOR and comment.author and comment.author.email:
        _tell_author_after_commit(comment, entry)
    return comment


def flag(comment, user, reason, note=""):
    """Anyone signed in may flag a published comment of someone else's once; enough flags hide it."""
    try:
        with transaction.atomic():
            # Locked, so the count of flaggers and the hiding agree even when flags come at once.
            comment = Comment.objects.select_for_update().get(pk=comment.pk)
            require("participation.flag_comment", user, comment)
            Flag.objects.create(comment=comment, user=user, reason=reason, note=note[:500])
            flaggers = comment.flags.filter(settled_at__isnull=True).values("user").distinct().count()
            if flaggers >= flag_threshold():
                # A number, not a sentence: the log is worded in each reader's language.
                _transition(comment, A.AUTO_HIDDEN, None, params={"flaggers": flaggers})
    except IntegrityError as exc:  # the constraint one_flag_per_person
        raise Refused(_("You have already flagged this comment. A moderator will look at it.")) from exc
    return comment


@transaction.atomic
def request_second_review(comment, author, note=""):
    # Locked, so two requests at once cannot both pass the once-only check.
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    require("participation.ask_second_review", author, comment)
    comment.second_review_requested_at = timezone.now()
    comment.save(update_fields=["second_review_requested_at", "updated_at"])
    entry = ModerationAction.objects.create(comment=comment, actor=author, action=A.REVIEW_REQUESTED, note=note,
                                            params=_language_used())
    if author.email:
        _tell_author_after_commit(comment, entry)
    return comment


def edit_own(comment, author, text, remove_place=False):
    """The author changes a comment no one has moderated yet, under the rules of posting it:
    the consultation is open, the author is not blocked, the text is new and within the
    length, and the change counts against the rate limit. `remove_place` takes away its point
    and place name (a place is never added here: that is checked when a comment is posted)."""
    require("participation.edit_own_comment", author, comment)
    text = _clean_text(text)
    remove_place = remove_place and (comment.location is not None or comment.place_name != "")
    if text == comment.text and not remove_place:
        return comment
    if text != comment.text and Comment.objects.filter(
            consultation=comment.consultation_id, author=author, text=text).exclude(pk=comment.pk).exists():
        raise _duplicate()
    _count_against_rate(author)

    def save():
        # Locked and asked again: a moderator may have decided on it since the page was shown.
        locked = Comment.objects.select_for_update().get(pk=comment.pk)
        require("participation.edit_own_comment", author, locked)
        locked.text = text
        if remove_place:
            locked.location, locked.place_name = None, ""
        locked.save(update_fields=["text", "location", "place_name", "updated_at"])
        ModerationAction.objects.create(comment=locked, actor=author, action=A.EDITED)
        return locked

    return _saving_text(save)


@transaction.atomic
def withdraw_own(comment, author):
    """The author takes back a comment no one has moderated yet: it is theirs to delete. The
    log keeps its entries (with the comment link emptied) and says it was withdrawn."""
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    require("participation.withdraw_own_comment", author, comment)
    ModerationAction.objects.create(comment=comment, actor=author, action=A.WITHDRAWN)
    comment.flags.all().delete()
    comment.delete()


@transaction.atomic
def block(user, moderator, days, reason, note="", comment=None):
    """Stop `user` commenting for `days`; when a comment was the cause, its log says so."""
    require("participation.block_user", moderator, user)
    if days < 1 or days > 3650:
        raise Refused(_("Block for 1 to 3650 days."))
    if reason not in ModerationAction.Reason.values:
        raise Refused(_("Choose a reason from the list."))
    stop = CommentingBlock.objects.create(user=user, until=timezone.now() + timedelta(days=days),
                                          reason=reason, note=note, created_by=moderator)
    r.forget_block(user)
    if comment is not None:
        ModerationAction.objects.create(comment=comment, actor=moderator, action=A.AUTHOR_BLOCKED,
                                        reason=reason, note=note, params={"days": days})
    return stop


def close_consultation(consultation, user):
    """Stop comments now. One that has not opened yet never will: it is closed, not moved."""
    require("participation.close_consultation", user, consultation)
    now = timezone.now()
    consultation.opens_at = min(consultation.opens_at, now - timedelta(seconds=1))
    consultation.closes_at = now
    consultation.save(update_fields=["opens_at", "closes_at"])
    return consultation


def _tell_author_after_commit(comment, entry):
    # robust: a failure to queue one mail is logged and never undoes or stops a decision
    # (a bulk decision runs one transaction per comment, and each must go through).
    transaction.on_commit(lambda: tell_author(comment, entry), robust=True)


def author_language(comment):
    """The language the author last used on the portal about this comment (writing it, asking
    for a second review); bokmål, the portal's language, when the log does not say."""
    languages = {code for code, _name in settings.LANGUAGES}
    for params in (comment.actions.filter(actor_id=comment.author_id, params__has_key="language")
                   .order_by("-created_at", "-pk").values_list("params", flat=True)[:1]):
        if params.get("language") in languages:
            return params["language"]
    return settings.LANGUAGE_CODE


def tell_author(comment, entry):
    """E-mail the author what happened to their comment, in the language they use the portal in."""
    with translation.override(author_language(comment)):
        context = {"comment": comment, "entry": entry, "consultation": comment.consultation,
                   "my_data_url": mail.site_url(reverse("mydata:index"))}
        subject = _("Your comment on “%(title)s”") % {"title": comment.consultation.title}
        body = render_to_string("participation/email/outcome.txt", context)
    mail.send(subject, body, [comment.author.email])


def _why_not_answer(perm, user, consultation):
    if not is_planning_staff.test(user):
        return _("Only planners can write the municipality's answer.")
    if not r.is_closed_consultation.test(user, consultation):
        return _("The answer can be written once the consultation has closed.")
    if perm == "participation.publish_answer":
        if r.is_answer_published.test(user, consultation):
            return _("The answer is already published.")
        return _("The consultation is about a project the public cannot see, so its answer cannot be published.")
    return None
