"""Every rule of participation/rules.py asked through `rules.has_perm`, per role × consultation
phase × ownership, as adhocracy4 tests its rules. The tables say who may, in the plainest terms;
the view-level matrices (test_comment_roles.py, test_moderate_comment.py, ...) check the doors."""

from datetime import timedelta

import pytest
import rules
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from asker import roles
from participation.models import CommentingBlock
from tests.factories import CommentFactory, ConsultationFactory, UserFactory, user_with_role

pytestmark = pytest.mark.django_db

ANONYMOUS = None
SUPERUSER = "superuser"
ROLES = [ANONYMOUS, roles.RESIDENT, roles.PLANNER, roles.MODERATOR, roles.ADMINISTRATOR, SUPERUSER,
         roles.ORGANISATION_REPRESENTATIVE]
SIGNED_IN = set(ROLES) - {ANONYMOUS}
MODERATION_STAFF = {roles.MODERATOR, roles.ADMINISTRATOR, SUPERUSER}
PLANNING_STAFF = {roles.PLANNER, roles.ADMINISTRATOR, SUPERUSER}

UPCOMING, OPEN, CLOSED = "upcoming", "open", "closed"
PHASES = {UPCOMING, OPEN, CLOSED}
OWN, OTHERS = "own", "someone else's"
BOTH = {OWN, OTHERS}

# permission, the object it is asked about, and who may: roles, phases, ownership.
TABLE = [
    ("participation.comment", "consultation", SIGNED_IN, {OPEN}, BOTH),
    ("participation.reply", "published", SIGNED_IN, {OPEN}, BOTH),
    ("participation.edit_own_comment", "pending", SIGNED_IN, {OPEN}, {OWN}),
    ("participation.withdraw_own_comment", "pending", SIGNED_IN, PHASES, {OWN}),
    ("participation.flag_comment", "published", SIGNED_IN, PHASES, {OTHERS}),
    ("participation.ask_second_review", "rejected", SIGNED_IN, PHASES, {OWN}),
    ("participation.moderate", "pending", MODERATION_STAFF, PHASES, BOTH),
    # Blocking one's own account is "own": nobody may.
    ("participation.block_user", "author", MODERATION_STAFF, PHASES, {OTHERS}),
    ("participation.manage_consultation", "consultation", PLANNING_STAFF, PHASES, BOTH),
    ("participation.close_consultation", "consultation", PLANNING_STAFF, {UPCOMING, OPEN}, BOTH),
]


def consultation_in(phase):
    now = timezone.now()
    opens, closes = {UPCOMING: (now + timedelta(days=1), now + timedelta(days=10)),
                     OPEN: (now - timedelta(days=1), now + timedelta(days=10)),
                     CLOSED: (now - timedelta(days=10), now - timedelta(days=1))}[phase]
    return ConsultationFactory(opens_at=opens, closes_at=closes)


def target(kind, phase, user, ownership):
    """The object the rule is asked about; `own` means it belongs to (or is) `user`."""
    consultation = consultation_in(phase)
    owner = user if ownership == OWN else UserFactory(username="someone-else")
    if kind == "consultation":
        consultation.created_by = owner
        consultation.save()
        return consultation
    # An anonymous visitor owns nothing: "own" is then a comment whose author was removed.
    comment = CommentFactory(consultation=consultation, author=owner, state="pending" if kind == "author" else kind)
    return comment.author if kind == "author" else comment


@pytest.mark.parametrize("role", ROLES, ids=lambda role: role or "anonymous")
@pytest.mark.parametrize("perm, kind, allowed_roles, allowed_phases, allowed_ownership", TABLE,
                         ids=[row[0] for row in TABLE])
def test_rule_by_role_phase_and_ownership(role, perm, kind, allowed_roles, allowed_phases, allowed_ownership):
    user = user_with_role(role) or AnonymousUser()
    wrong = []
    for phase in sorted(PHASES):
        for ownership in sorted(BOTH):
            obj = target(kind, phase, user if user.is_authenticated else None, ownership)
            expected = role in allowed_roles and phase in allowed_phases and ownership in allowed_ownership
            if rules.has_perm(perm, user, obj) != expected:
                wrong.append((phase, ownership, "allowed" if not expected else "refused"))
    assert wrong == [], f"{perm} for {role or 'anonymous'}: {wrong}"


# Beyond the table: the states and the block that the rules also look at.

@pytest.fixture
def kari(db):
    return UserFactory(username="kari", role=roles.RESIDENT)


@pytest.fixture
def open_consultation(db):
    return consultation_in(OPEN)


def test_a_reply_can_only_go_to_a_published_top_level_comment(kari, open_consultation):
    top = CommentFactory(consultation=open_consultation, state="published")
    reply = CommentFactory(consultation=open_consultation, state="published", parent=top)
    assert rules.has_perm("participation.reply", kari, top)
    assert not rules.has_perm("participation.reply", kari, reply)
    for state in ("pending", "rejected", "hidden"):
        assert not rules.has_perm("participation.reply", kari, CommentFactory(consultation=open_consultation,
                                                                              state=state))


@pytest.mark.parametrize("state, editable", [("pending", True), ("published", False), ("rejected", False),
                                             ("hidden", False)])
def test_only_a_pending_comment_can_be_changed_or_withdrawn(kari, open_consultation, state, editable):
    mine = CommentFactory(consultation=open_consultation, author=kari, state=state)
    assert rules.has_perm("participation.edit_own_comment", kari, mine) == editable
    assert rules.has_perm("participation.withdraw_own_comment", kari, mine) == editable


@pytest.mark.parametrize("state", ["pending", "rejected", "hidden"])
def test_only_a_published_comment_can_be_flagged(kari, open_consultation, state):
    assert not rules.has_perm("participation.flag_comment", kari, CommentFactory(consultation=open_consultation,
                                                                                 state=state))


def test_a_blocked_user_may_not_write_but_may_withdraw_flag_and_ask(kari, open_consultation):
    CommentingBlock.objects.create(user=kari, until=timezone.now() + timedelta(days=3), reason="spam")
    mine = CommentFactory(consultation=open_consultation, author=kari, state="pending")
    rejected = CommentFactory(consultation=open_consultation, author=kari, state="rejected")
    others = CommentFactory(consultation=open_consultation, state="published")
    assert not rules.has_perm("participation.comment", kari, open_consultation)
    assert not rules.has_perm("participation.reply", kari, others)
    assert not rules.has_perm("participation.edit_own_comment", kari, mine)
    assert rules.has_perm("participation.withdraw_own_comment", kari, mine)
    assert rules.has_perm("participation.flag_comment", kari, others)
    assert rules.has_perm("participation.ask_second_review", kari, rejected)


def test_an_expired_block_stops_nothing(kari, open_consultation):
    CommentingBlock.objects.create(user=kari, until=timezone.now() - timedelta(minutes=1), reason="spam")
    assert rules.has_perm("participation.comment", kari, open_consultation)


def test_a_second_review_is_asked_for_once(kari, open_consultation):
    rejected = CommentFactory(consultation=open_consultation, author=kari, state="hidden",
                              second_review_requested_at=timezone.now())
    assert not rules.has_perm("participation.ask_second_review", kari, rejected)
