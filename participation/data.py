"""A person's own data: what we hold about them (export), forgetting them (account deletion),
and removing authors from consultations whose retention period has run out.

Plain functions, used by the "my data" views and the Celery task.
"""

import logging
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from asker import pagecache, personaldata

from . import services
from .models import Comment, CommentingBlock, Consultation, Flag, ModerationAction

logger = logging.getLogger(__name__)

S = Comment.State
A = ModerationAction.Action


def _when(value):
    return value.isoformat() if value else None


def export_user_data(user):
    """Everything the portal holds about `user`, as JSON-ready data.

    Other people are left out: moderators' identities, other people's comments (flags name
    only the comment's id), and who set a commenting block.
    """
    comments = list(Comment.objects.filter(author=user).select_related("consultation").order_by("created_at", "pk"))
    comment_ids = [c.pk for c in comments]
    return {
        "account": {
            "username": user.get_username(),
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "date_joined": _when(user.date_joined),
            "groups": sorted(user.groups.values_list("name", flat=True)),
        },
        "comments": [
            {
                "id": c.pk,
                "text": c.text,
                "state": c.state,
                "created_at": _when(c.created_at),
                "consultation": {"title": c.consultation.title, "slug": c.consultation.slug},
                "location": [c.location.x, c.location.y] if c.location else None,
                "place_name": c.place_name,
                "reply_to": c.parent_id,
                "second_review_requested_at": _when(c.second_review_requested_at),
            }
            for c in comments
        ],
        "flags": [
            {
                "comment": f.comment_id,
                "reason": f.reason,
                "note": f.note,
                "created_at": _when(f.created_at),
                "settled_at": _when(f.settled_at),
            }
            for f in Flag.objects.filter(user=user).order_by("created_at", "pk")
        ],
        "moderation_log": [
            {
                "comment": m.comment_id,
                "action": m.action,
                "reason": m.reason,
                "params": m.params,
                "note": m.note,
                "legacy_text": m.legacy_text,
                "created_at": _when(m.created_at),
            }
            for m in ModerationAction.objects.filter(comment_id__in=comment_ids).order_by("created_at", "pk")
        ],
        "commenting_blocks": [
            {
                "until": _when(b.until),
                "reason": b.reason,
                "note": b.note,
                "created_at": _when(b.created_at),
            }
            for b in CommentingBlock.objects.filter(user=user).order_by("created_at", "pk")
        ],
        # What the other apps hold (Stedskompasset answers, event sign-ups), each under its name.
        **personaldata.collect(user),
    }


@transaction.atomic
def delete_account(user):
    """Delete `user`. Their comments stay without an author; only published ones keep their text.

    The moderation log is never touched: its rows point at comments, and their actor becomes
    null through SET_NULL when the user row goes.
    """
    ids = list(Comment.objects.select_for_update().filter(author=user).values_list("pk", flat=True))
    own = Comment.objects.filter(pk__in=ids)
    # Comments no moderator has read yet are withdrawn, as the author could have done, so
    # empty comments never wait in the moderation queue.
    for comment in own.filter(state=S.PENDING):
        services.withdraw_own(comment, user)
    own.exclude(state=S.PUBLISHED).update(text="", place_name="", location=None, author=None)
    own.update(author=None)
    pagecache.bump()  # the updates above send no signals; the pages show the authors
    Flag.objects.filter(user=user).delete()
    user.delete()


def anonymise_expired_consultations(now=None):
    """Remove the authors of comments in consultations whose retention period is over.

    Returns how many consultations were anonymised. Running it again changes nothing. One
    consultation that fails is logged and left for the next run; the others still go through.
    """
    now = now or timezone.now()
    count = 0
    candidates = Consultation.objects.filter(retention_days__isnull=False, anonymised_at__isnull=True,
                                             closes_at__lte=now).only("pk", "closes_at", "retention_days")
    for candidate in candidates.order_by("closes_at", "pk"):
        try:
            count += _anonymise_if_due(candidate, now)
        except Exception:
            logger.exception("Could not remove the authors of consultation %s", candidate.pk)
    return count


def _anonymise_if_due(candidate, now):
    if candidate.closes_at + timedelta(days=candidate.retention_days) > now:
        return 0
    with transaction.atomic():
        consultation = Consultation.objects.select_for_update().get(pk=candidate.pk)
        if consultation.anonymised_at is not None:
            return 0  # another run got here first
        authored = consultation.comments.select_for_update().filter(author__isnull=False)
        ids = list(authored.values_list("pk", flat=True))
        ModerationAction.objects.bulk_create(
            [ModerationAction(comment_id=pk, actor=None, action=A.ANONYMISED) for pk in ids])
        Comment.objects.filter(pk__in=ids).update(author=None)
        pagecache.bump()  # a bulk update sends no signals
        consultation.anonymised_at = now
        consultation.save(update_fields=["anonymised_at"])
    return 1
