"""Role × action for taking part: anyone signed in may comment, reply and flag; nobody
signed out may, and nobody but a moderator decides."""

import pytest

from participation.models import Comment
from tests.factories import ALL_ROLES, CommentFactory, login_as

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ALL_ROLES)
def test_comment(client, consultation, role):
    response = login_as(client, role).post(f"{consultation.get_absolute_url()}kommenter/", {"text": "Hei"})
    created = Comment.objects.filter(text="Hei").exists()
    if role is None:
        assert response.status_code == 302 and "/konto/logg-inn/" in response["Location"] and not created
    else:
        assert response.status_code == 302 and created


@pytest.mark.parametrize("role", ALL_ROLES)
def test_reply(client, consultation, role):
    parent = CommentFactory(consultation=consultation)
    login_as(client, role).post(f"{consultation.get_absolute_url()}kommenter/", {"text": "Svar", "parent": parent.pk})
    assert Comment.objects.filter(parent=parent).exists() == (role is not None)


@pytest.mark.parametrize("role", ALL_ROLES)
def test_flag(client, consultation, role):
    comment = CommentFactory(consultation=consultation)
    login_as(client, role).post(f"{consultation.get_absolute_url()}kommentar/{comment.pk}/flagg/", {"reason": "spam"})
    assert comment.flags.exists() == (role is not None)


@pytest.mark.parametrize("role", ALL_ROLES)
def test_only_moderators_decide(client, consultation, role):
    comment = CommentFactory(consultation=consultation, state="pending")
    login_as(client, role).post(f"/moderering/kommentar/{comment.pk}/godkjenn/")
    comment.refresh_from_db()
    assert (comment.state == "published") == (role in ("moderator", "administrator"))
