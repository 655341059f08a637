"""The state machine of a comment: every allowed and every refused transition."""

import itertools

import pytest

from participation import services
from participation.models import Comment, ModerationAction
from tests.factories import CommentFactory, UserFactory

pytestmark = pytest.mark.django_db

S, A = Comment.State, ModerationAction.Action
MODERATOR_ACTIONS = [A.APPROVED, A.REJECTED, A.HIDDEN, A.RESTORED]


@pytest.mark.parametrize("state, action", list(itertools.product(S.values, MODERATOR_ACTIONS)))
def test_every_moderator_transition(consultation, moderator, state, action):
    comment = CommentFactory(consultation=consultation, state=state)
    expected = services.TRANSITIONS.get((state, action))
    log_before = comment.actions.count()
    reason = "offensive" if action in (A.REJECTED, A.HIDDEN) else ""
    if expected is None:
        with pytest.raises(services.Refused):
            services.moderate(comment, moderator, action, reason=reason)
        comment.refresh_from_db()
        assert comment.state == state and comment.actions.count() == log_before
    else:
        services.moderate(comment, moderator, action, reason=reason, note="notat")
        comment.refresh_from_db()
        assert comment.state == expected
        entry = comment.actions.last()
        assert (entry.action, entry.actor, entry.reason, entry.note) == (action, moderator, reason, "notat")


def test_the_allowed_transitions_are_exactly_these():
    assert services.TRANSITIONS == {
        (S.PENDING, A.APPROVED): S.PUBLISHED, (S.PENDING, A.REJECTED): S.REJECTED,
        (S.PUBLISHED, A.HIDDEN): S.HIDDEN, (S.PUBLISHED, A.AUTO_HIDDEN): S.HIDDEN,
        (S.HIDDEN, A.RESTORED): S.PUBLISHED, (S.REJECTED, A.RESTORED): S.PUBLISHED, (S.HIDDEN, A.HIDDEN): S.HIDDEN,
        (S.PUBLISHED, A.APPROVED): S.PUBLISHED,
    }


@pytest.mark.parametrize("action", [A.REJECTED, A.HIDDEN])
def test_reject_and_hide_need_a_reason(consultation, moderator, action):
    comment = CommentFactory(consultation=consultation, state=S.PENDING if action == A.REJECTED else S.PUBLISHED)
    with pytest.raises(services.Refused):
        services.moderate(comment, moderator, action)
    comment.refresh_from_db()
    assert comment.state in (S.PENDING, S.PUBLISHED)


def test_the_log_is_append_only(consultation, moderator):
    comment = CommentFactory(consultation=consultation, state=S.PENDING)
    services.moderate(comment, moderator, A.APPROVED)
    entry = comment.actions.get()
    entry.note = "changed"
    with pytest.raises(ValueError):
        entry.save()
    with pytest.raises(ValueError):
        entry.delete()


def test_flags_from_enough_people_hide_a_comment_until_a_moderator_decides(consultation, settings, moderator):
    settings.COMMENT_FLAG_THRESHOLD = 3
    comment = CommentFactory(consultation=consultation, state=S.PUBLISHED)
    flaggers = [UserFactory() for _ in range(3)]
    services.flag(comment, flaggers[0], "spam")
    services.flag(comment, flaggers[1], "offensive")
    comment.refresh_from_db()
    assert comment.state == S.PUBLISHED
    services.flag(comment, flaggers[2], "other")
    comment.refresh_from_db()
    assert comment.state == S.HIDDEN and comment.actions.last().action == A.AUTO_HIDDEN
    # The moderator decides it may stay; the flags are settled, and flags before that decision
    # do not count again.
    services.moderate(comment, moderator, A.RESTORED)
    comment.refresh_from_db()
    assert comment.state == S.PUBLISHED and not comment.flags.filter(settled_at__isnull=True).exists()
    services.flag(comment, UserFactory(), "spam")
    comment.refresh_from_db()
    assert comment.state == S.PUBLISHED


def test_one_flag_per_person_and_not_ones_own(consultation, resident):
    comment = CommentFactory(consultation=consultation, state=S.PUBLISHED)
    other = UserFactory()
    services.flag(comment, other, "spam")
    with pytest.raises(services.Refused):
        services.flag(comment, other, "spam")
    with pytest.raises(services.Refused):
        services.flag(comment, comment.author, "spam")
    assert comment.flags.count() == 1


def test_second_review_once_by_the_author(consultation, moderator, mailoutbox, django_capture_on_commit_callbacks):
    comment = CommentFactory(consultation=consultation, state=S.PENDING)
    with django_capture_on_commit_callbacks(execute=True):
        services.moderate(comment, moderator, A.REJECTED, reason="off_topic", note="Handler om en annen plan")
    assert len(mailoutbox) == 1 and "Handler om en annen plan" in mailoutbox[0].body
    with pytest.raises(services.Refused):
        services.request_second_review(comment, UserFactory())
    with django_capture_on_commit_callbacks(execute=True):
        services.request_second_review(comment, comment.author)
    assert len(mailoutbox) == 2
    with pytest.raises(services.Refused):
        services.request_second_review(comment, comment.author)


def test_author_edits_or_deletes_only_while_pending(consultation):
    comment = CommentFactory(consultation=consultation, state=S.PENDING)
    services.edit_own(comment, comment.author, "Ny tekst")
    comment.refresh_from_db()
    assert comment.text == "Ny tekst"
    published = CommentFactory(consultation=consultation, state=S.PUBLISHED)
    with pytest.raises(services.Refused):
        services.edit_own(published, published.author, "x")
    with pytest.raises(services.Refused):
        services.withdraw_own(published, published.author)
    with pytest.raises(services.Refused):
        services.withdraw_own(comment, UserFactory())
    services.withdraw_own(comment, comment.author)
    assert not Comment.objects.filter(pk=comment.pk).exists()
    # The log keeps what happened, without the text.
    assert list(ModerationAction.objects.filter(comment=None).values_list("action", flat=True)) == [
        "edited", "withdrawn"]


def test_a_block_from_a_comment_page_is_in_that_comments_log(consultation, moderator):
    comment = CommentFactory(consultation=consultation, state="published")
    services.block(comment.author, moderator, 30, "offensive", "Gjentatte brudd", comment=comment)
    entry = comment.actions.last()
    assert (entry.action, entry.actor, entry.reason, entry.note) == ("author_blocked", moderator, "offensive",
                                                                     "Gjentatte brudd")
    with pytest.raises(services.Refused):
        services.block(comment.author, moderator, 30, "not-a-reason")
