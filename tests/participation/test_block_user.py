"""Blocking a comment's author from commenting: who may, for how long, and what is refused."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from asker import roles
from participation import services
from participation.models import CommentingBlock
from tests.factories import (
    ALL_ROLES,
    CommentFactory,
    login_as,
)

pytestmark = pytest.mark.django_db

ALLOWED = {roles.MODERATOR, roles.ADMINISTRATOR}


def block_url(comment):
    return f"/moderering/kommentar/{comment.pk}/blokker/"


@pytest.mark.parametrize("role", ALL_ROLES)
def test_block_by_role(client, role):
    comment = CommentFactory(state="published")
    response = login_as(client, role).post(block_url(comment), {"block-days": "7", "block-reason": "offensive",
                                                             "block-note": "Trusler"})
    if role in ALLOWED:
        assert response.status_code == 302
        block = CommentingBlock.objects.get(user=comment.author)
        assert block.reason == "offensive" and block.note == "Trusler" and block.created_by.username == role
        assert timedelta(days=6, hours=23) < block.until - timezone.now() <= timedelta(days=7)
        assert services.active_block(comment.author) == block
    else:
        if role is None:
            assert response.status_code == 302 and response["Location"].startswith("/konto/logg-inn/")
        else:
            assert response.status_code == 403
        assert not CommentingBlock.objects.exists()


@pytest.mark.parametrize("data", [
    {"block-days": "0", "block-reason": "spam"},
    {"block-days": "3651", "block-reason": "spam"},
    {"block-days": "-1", "block-reason": "spam"},
    {"block-days": "sju", "block-reason": "spam"},
    {"block-days": "", "block-reason": "spam"},
    {"block-days": "7", "block-reason": ""},
    {"block-days": "7", "block-reason": "ugly"},
    {"block-days": "7"},
])
def test_bad_block_input_is_400(mod_client, data):
    comment = CommentFactory(state="published")
    response = mod_client.post(block_url(comment), data)
    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.content.decode()
    assert not CommentingBlock.objects.exists()


@pytest.mark.parametrize("days", ["1", "3650"])
def test_limits_are_allowed(mod_client, days):
    comment = CommentFactory(state="published")
    assert mod_client.post(block_url(comment), {"block-days": days, "block-reason": "spam"}).status_code == 302
    assert CommentingBlock.objects.filter(user=comment.author).count() == 1


def test_blocked_author_cannot_comment(mod_client):
    comment = CommentFactory(state="published")
    mod_client.post(block_url(comment), {"block-days": "30", "block-reason": "spam"})
    with pytest.raises(services.Refused):
        services.submit(comment.consultation, comment.author, "En ny kommentar")
    page = mod_client.get(f"/moderering/kommentar/{comment.pk}/").content.decode()
    until = timezone.localtime(CommentingBlock.objects.get().until).strftime("%d.%m.%Y %H:%M")
    assert until in page


def test_removed_author_cannot_be_blocked(mod_client):
    comment = CommentFactory(state="published", author=None)
    response = mod_client.post(block_url(comment), {"block-days": "7", "block-reason": "spam"}, follow=True)
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    assert not CommentingBlock.objects.exists()


def test_unknown_comment_is_404(mod_client):
    assert mod_client.post("/moderering/kommentar/424242/blokker/", {"block-days": "7",
                                                                      "block-reason": "spam"}).status_code == 404


def test_forged_csrf(moderator):
    client = Client(enforce_csrf_checks=True)
    client.force_login(moderator)
    comment = CommentFactory(state="published")
    response = client.post(block_url(comment), {"block-days": "7", "block-reason": "spam",
                                                "csrfmiddlewaretoken": "x" * 64})
    assert response.status_code == 403
    assert not CommentingBlock.objects.exists()


def test_a_moderator_cannot_block_themselves(mod_client, moderator):
    comment = CommentFactory(state="published", author=moderator)
    assert "/blokker/" not in mod_client.get(f"/moderering/kommentar/{comment.pk}/").content.decode()
    response = mod_client.post(block_url(comment), {"block-days": "7", "block-reason": "spam"}, follow=True)
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    assert not CommentingBlock.objects.exists()
