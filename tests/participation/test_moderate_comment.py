"""One comment's moderation page and its actions: who may act, what changes, what the author hears."""

import pytest
from django.test import Client
from django.urls import reverse

from asker import roles
from participation.models import Comment, ModerationAction
from tests.factories import (
    ALL_ROLES,
    CommentFactory,
    UserFactory,
    login_as,
)

pytestmark = pytest.mark.django_db

ALLOWED = {roles.MODERATOR, roles.ADMINISTRATOR}


def expect_refused(response, role):
    if role is None:
        assert response.status_code == 302
        assert response["Location"].startswith("/konto/logg-inn/")
    else:
        assert response.status_code == 403


def url(name, comment):
    return reverse(f"moderation:{name}", args=[comment.pk])


@pytest.mark.parametrize("role", ALL_ROLES)
def test_comment_page_by_role(client, role):
    comment = CommentFactory(state="pending", text="Hemmelig innhold")
    response = login_as(client, role).get(url("comment", comment))
    if role in ALLOWED:
        assert response.status_code == 200
        assert "Hemmelig innhold" in response.content.decode()
    else:
        expect_refused(response, role)


# action, state before, POST data, state after
ACTIONS = [
    ("approve", "pending", {}, "published"),
    ("reject", "pending", {"reject-reason": "spam", "reject-note": "Reklame"}, "rejected"),
    ("hide", "published", {"hide-reason": "offensive", "hide-note": ""}, "hidden"),
    ("restore", "hidden", {}, "published"),
    ("restore", "rejected", {}, "published"),
]


@pytest.mark.parametrize("role", ALL_ROLES)
@pytest.mark.parametrize("action, before, data, after", ACTIONS)
def test_action_by_role(client, role, action, before, data, after):
    comment = CommentFactory(state=before)
    response = login_as(client, role).post(url(action, comment), data)
    comment.refresh_from_db()
    if role in ALLOWED:
        # Nothing else waits, so the moderator is back at the queue (test_next_comment.py).
        assert response.status_code == 302 and response["Location"] == reverse("moderation:queue")
        assert comment.state == after
        entry = comment.actions.get()
        assert entry.actor.username == role
        assert entry.action == {"approve": "approved", "reject": "rejected", "hide": "hidden",
                                "restore": "restored"}[action]
        assert entry.reason == data.get(f"{action}-reason", "")
    else:
        expect_refused(response, role)
        assert comment.state == before
        assert not comment.actions.exists()


def test_get_on_an_action_is_not_allowed(mod_client):
    comment = CommentFactory(state="pending")
    assert mod_client.get(url("approve", comment)).status_code == 405
    comment.refresh_from_db()
    assert comment.state == "pending"


@pytest.mark.parametrize("action, data", [
    ("reject", {}),
    ("reject", {"reject-reason": ""}),
    ("reject", {"reject-reason": "because"}),
    ("hide", {"hide-note": "uten grunn"}),
    ("hide", {"hide-reason": "spam' OR 1=1"}),
])
def test_bad_reason_is_a_400_and_changes_nothing(mod_client, action, data):
    comment = CommentFactory(state="pending" if action == "reject" else "published")
    before = comment.state
    response = mod_client.post(url(action, comment), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="error-summary"' in html and 'aria-invalid="true"' in html
    comment.refresh_from_db()
    assert comment.state == before
    assert not comment.actions.exists()


def test_unknown_comment_is_404(mod_client):
    assert mod_client.get("/moderering/kommentar/999999/").status_code == 404
    assert mod_client.post("/moderering/kommentar/999999/godkjenn/").status_code == 404


@pytest.mark.parametrize("action, state, data", [
    ("approve", "rejected", {}),
    ("reject", "published", {"reject-reason": "spam"}),
    ("hide", "pending", {"hide-reason": "spam"}),
    ("hide", "rejected", {"hide-reason": "spam"}),
    ("restore", "published", {}),
    ("restore", "pending", {}),
])
def test_refused_transition_is_an_error_message_and_nothing_changes(mod_client, action, state, data):
    comment = CommentFactory(state=state)
    response = mod_client.post(url(action, comment), data, follow=True)
    assert response.status_code == 200
    errors = [m for m in response.context["messages"] if m.level_tag == "error"]
    assert len(errors) == 1
    comment.refresh_from_db()
    assert comment.state == state
    assert not comment.actions.exists()


def test_forged_csrf_is_refused(moderator):
    client = Client(enforce_csrf_checks=True)
    client.force_login(moderator)
    comment = CommentFactory(state="pending")
    response = client.post(url("reject", comment), {"reject-reason": "spam", "csrfmiddlewaretoken": "forged"})
    assert response.status_code == 403
    comment.refresh_from_db()
    assert comment.state == "pending"
    assert not comment.actions.exists()


def test_log_grows_by_one_row_per_action_and_keeps_every_row(mod_client, moderator):
    comment = CommentFactory(state="pending")
    ModerationAction.objects.create(comment=comment, actor=comment.author, action="submitted")
    steps = [
        ("reject", {"reject-reason": "off_topic", "reject-note": "Gjelder en annen plan"}),
        ("restore", {"restore-note": "Andre vurdering"}),
        ("hide", {"hide-reason": "personal_data"}),
        ("restore", {}),
    ]
    seen = list(comment.actions.values_list("pk", flat=True))
    for action, data in steps:
        assert mod_client.post(url(action, comment), data).status_code == 302
        now = list(comment.actions.order_by("created_at", "pk").values_list("pk", flat=True))
        assert len(now) == len(seen) + 1 and now[:len(seen)] == seen
        seen = now
    actions = list(comment.actions.order_by("created_at", "pk").values_list("action", "reason", "note"))
    assert actions == [
        ("submitted", "", ""),
        ("rejected", "off_topic", "Gjelder en annen plan"),
        ("restored", "", "Andre vurdering"),
        ("hidden", "personal_data", ""),
        ("restored", "", ""),
    ]
    html = mod_client.get(url("comment", comment)).content.decode()
    assert html.count("<tr>") == 1 + len(actions)  # header + one row each
    assert "Gjelder en annen plan" in html and "mod" in html


@pytest.mark.parametrize("action, before, data", [
    ("reject", "pending", {"reject-reason": "spam", "reject-note": "Reklame for hytter"}),
    ("hide", "published", {"hide-reason": "offensive"}),
    ("restore", "hidden", {}),
])
def test_author_is_told_by_email(mod_client, mailoutbox, django_capture_on_commit_callbacks, action, before, data):
    comment = CommentFactory(state=before, author=UserFactory(username="kari", email="kari@example.org"))
    with django_capture_on_commit_callbacks(execute=True):
        assert mod_client.post(url(action, comment), data).status_code == 302
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["kari@example.org"]
    assert comment.consultation.title in mailoutbox[0].subject
    if action == "reject":
        assert "Reklame for hytter" in mailoutbox[0].body


def test_approving_does_not_email(mod_client, mailoutbox, django_capture_on_commit_callbacks):
    comment = CommentFactory(state="pending")
    with django_capture_on_commit_callbacks(execute=True):
        mod_client.post(url("approve", comment), {})
    assert mailoutbox == []


def test_text_is_escaped_with_line_breaks(mod_client):
    comment = CommentFactory(state="pending", text="<script>alert(1)</script>\nNy linje")
    html = mod_client.get(url("comment", comment)).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;<br>Ny linje" in html


def test_page_shows_the_forms_that_fit_the_state(mod_client):
    pending = mod_client.get(url("comment", CommentFactory(state="pending"))).content.decode()
    assert "/avvis/" in pending and "/godkjenn/" in pending and "/skjul/" not in pending
    hidden = mod_client.get(url("comment", CommentFactory(state="hidden"))).content.decode()
    assert "/gjenopprett/" in hidden and "/avvis/" not in hidden
    assert "/blokker/" in hidden


def test_messages_after_an_action(mod_client):
    comment = CommentFactory(state="pending")
    response = mod_client.post(url("approve", comment), {}, follow=True)
    assert [m.level_tag for m in response.context["messages"]] == ["success", "info"]
    assert Comment.objects.get(pk=comment.pk).state == "published"


@pytest.mark.parametrize("action, state, data", [
    ("approve", "pending", {"approve-note": "Greit\x00"}),
    ("reject", "pending", {"reject-reason": "spam", "reject-note": "\x00"}),
    ("hide", "published", {"hide-reason": "spam", "hide-note": "a\x00b"}),
    ("restore", "hidden", {"restore-note": "\x00\x00"}),
    ("block", "published", {"block-days": "3", "block-reason": "spam", "block-note": "\x00"}),
])
@pytest.mark.parametrize("role", [None, roles.RESIDENT, roles.MODERATOR, roles.ADMINISTRATOR])
def test_a_nul_byte_in_the_note_is_a_400_and_changes_nothing(client, role, action, state, data):
    """Refused before anything reads the form (asker/middleware.py), for everyone alike."""
    comment = CommentFactory(state=state)
    path = {"block": f"/moderering/kommentar/{comment.pk}/blokker/"}.get(action) or url(action, comment)
    response = login_as(client, role).post(path, data)
    assert response.status_code == 400
    assert "Forespørselen kunne ikke leses" in response.content.decode()
    comment.refresh_from_db()
    assert comment.state == state
    assert not comment.actions.exists() and not comment.author.commenting_blocks.exists()


@pytest.mark.parametrize("role", [None, roles.RESIDENT, roles.PLANNER])
@pytest.mark.parametrize("data", [{"reject-reason": "because"}, {"reject-reason": "spam", "reject-note": "x" * 2001}])
def test_bad_input_from_those_who_may_not_moderate_is_refused_first(client, role, data):
    comment = CommentFactory(state="pending")
    response = login_as(client, role).post(url("reject", comment), data)
    expect_refused(response, role)
    comment.refresh_from_db()
    assert comment.state == "pending" and not comment.actions.exists()


@pytest.mark.parametrize("role", sorted(ALLOWED))
def test_a_comment_already_decided_gets_a_clean_message(client, role):
    """Two moderators (or two tabs) on one comment: the second decision is refused in words."""
    comment = CommentFactory(state="pending")
    other = UserFactory(username="other-mod", role=roles.MODERATOR)
    from participation import services
    services.moderate(comment, other, ModerationAction.Action.APPROVED)
    response = login_as(client, role).post(url("reject", comment), {"reject-reason": "spam"}, follow=True)
    assert response.status_code == 200
    assert [str(m) for m in response.context["messages"]] == [
        "Kommentaren er «Publisert», så det kan ikke gjøres."]
    comment.refresh_from_db()
    assert comment.state == "published"
    assert list(comment.actions.values_list("action", "actor__username")) == [("approved", "other-mod")]
