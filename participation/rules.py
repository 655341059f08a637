"""Every rule of taking part, once, as a named django-rules permission built from the roles in
asker/roles.py. The services, the views and the templates ask the same question:
`rules.has_perm(name, user, obj)` in Python, `{% load permissions %}{% has_perm name user obj as can %}` in templates
(asker/templatetags/permissions.py: the same rules, without Django's superuser shortcut).

| permission                          | object       |
| participation.comment               | consultation |
| participation.reply                 | the comment replied to |
| participation.edit_own_comment      | comment      |
| participation.withdraw_own_comment  | comment      |
| participation.flag_comment          | comment      |
| participation.ask_second_review     | comment      |
| participation.moderate              | comment (or none: the moderation pages) |
| participation.block_user            | the user to block (or none) |
| participation.see_flaggers          | comment: who flagged it (moderators only; never the author or the public) |
| participation.manage_consultation   | none         |
| participation.close_consultation    | consultation |
| participation.edit_answer           | consultation |
| participation.publish_answer        | consultation |

Rate limits and the duplicate check are not rules about who may act, so the services apply them.
"""

import rules
from django.utils import timezone

from asker.roles import is_moderation_staff, is_planning_staff, is_signed_in

from .models import Comment, CommentingBlock, Consultation

S = Comment.State


def running_block(user):
    """The block that stops `user` commenting now, or None. Looked up once per user object
    (like Django's own permission cache), since a page asks for every comment it shows."""
    if not user.is_authenticated:
        return None
    if not hasattr(user, "_running_commenting_block"):
        user._running_commenting_block = CommentingBlock.objects.running_for(user)
    block = user._running_commenting_block
    return block if block is not None and block.until > timezone.now() else None


def forget_block(user):
    """After a block is set: the next question about `user` looks again."""
    user.__dict__.pop("_running_commenting_block", None)


# The parts the rules are made of. The services name the part that says no, to tell why.

@rules.predicate
def is_blocked(user):
    return running_block(user) is not None


@rules.predicate
def is_open_consultation(user, consultation):
    return consultation is not None and consultation.is_open


@rules.predicate
def is_not_closed_consultation(user, consultation):
    return consultation is not None and consultation.phase() != consultation.Phase.CLOSED


@rules.predicate
def is_closed_consultation(user, consultation):
    return consultation is not None and consultation.phase() == consultation.Phase.CLOSED


@rules.predicate
def is_answer_published(user, consultation):
    return consultation is not None and consultation.answer_published_at is not None


@rules.predicate
def is_public_consultation(user, consultation):
    # Its answer reaches the commenters by e-mail: never one about a confidential or archived project.
    return consultation is not None and Consultation.objects.public().filter(pk=consultation.pk).exists()


@rules.predicate
def is_own(user, comment):
    return comment is not None and comment.author_id is not None and comment.author_id == user.pk


@rules.predicate
def is_pending(user, comment):
    return comment is not None and comment.state == S.PENDING


@rules.predicate
def is_published(user, comment):
    return comment is not None and comment.state == S.PUBLISHED


@rules.predicate
def is_decided_against(user, comment):
    return comment is not None and comment.state in (S.REJECTED, S.HIDDEN)


@rules.predicate
def is_top_level(user, comment):
    # Replies are one level deep: a reply to a reply would never be shown.
    return comment is not None and comment.parent_id is None


@rules.predicate
def second_review_asked(user, comment):
    return comment is not None and comment.second_review_requested_at is not None


@rules.predicate
def is_self(user, other):
    return other is not None and other.pk == user.pk


can_comment = is_signed_in & is_open_consultation & ~is_blocked


@rules.predicate
def can_comment_in_its_consultation(user, comment):
    return comment is not None and can_comment.test(user, comment.consultation)


# A reply goes to a published top-level comment, in a consultation where one may comment.
can_reply = is_published & is_top_level & can_comment_in_its_consultation
# Changing a comment is writing it again: the rules of posting hold (open, not blocked).
can_edit_own_comment = is_own & is_pending & can_comment_in_its_consultation
# Taking back one's own unread comment is always allowed: it is theirs.
can_withdraw_own_comment = is_signed_in & is_own & is_pending
# Only what the user can see (a published comment) can be flagged, and not one's own.
can_flag_comment = is_signed_in & is_published & ~is_own
can_ask_second_review = is_own & is_decided_against & ~second_review_asked
can_moderate = is_moderation_staff
can_block_user = is_moderation_staff & ~is_self
can_manage_consultations = is_planning_staff
can_close_consultation = is_planning_staff & is_not_closed_consultation
# The answer to a consultation is written once it has closed (what was heard is known only then).
can_edit_answer = is_planning_staff & is_closed_consultation
can_publish_answer = can_edit_answer & ~is_answer_published & is_public_consultation

rules.add_perm("participation.comment", can_comment)
rules.add_perm("participation.reply", can_reply)
rules.add_perm("participation.edit_own_comment", can_edit_own_comment)
rules.add_perm("participation.withdraw_own_comment", can_withdraw_own_comment)
rules.add_perm("participation.flag_comment", can_flag_comment)
rules.add_perm("participation.ask_second_review", can_ask_second_review)
rules.add_perm("participation.moderate", can_moderate)
rules.add_perm("participation.block_user", can_block_user)
# Who raised a flag is seen by those who weigh it, and by no one else: not the author, not
# other residents, not planners (the author's export names no flagger either).
rules.add_perm("participation.see_flaggers", is_moderation_staff)
rules.add_perm("participation.manage_consultation", can_manage_consultations)
rules.add_perm("participation.close_consultation", can_close_consultation)
rules.add_perm("participation.edit_answer", can_edit_answer)
rules.add_perm("participation.publish_answer", can_publish_answer)
