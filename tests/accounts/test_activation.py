"""Following the activation link: GET shows a button, POST activates, signs in and makes the
account a resident's; bad, expired, reused and forged links change nothing."""

import time

import pytest
from django.contrib.auth import get_user_model
from django.core import signing
from django.test import Client

from accounts import services
from accounts.models import Registration
from asker import roles
from tests.accounts.helpers import html, signed_in_user, text

pytestmark = pytest.mark.django_db

User = get_user_model()


def url(token):
    return f"/konto/aktiver/{token}/"


def test_get_shows_a_button_and_changes_nothing(client, pending_user):
    response = client.get(url(services.make_activation_token(pending_user)))
    assert response.status_code == 200
    page = html(response)
    assert '<form method="post">' in page and text("Activate my account") in page
    pending_user.refresh_from_db()
    assert not pending_user.is_active and pending_user.registration.is_pending


def test_post_activates_signs_in_and_makes_a_resident(client, pending_user):
    response = client.post(url(services.make_activation_token(pending_user)), follow=True)
    assert response.redirect_chain == [("/konto/", 302)]
    pending_user.refresh_from_db()
    assert pending_user.is_active
    assert not pending_user.registration.is_pending
    assert list(pending_user.groups.values_list("name", flat=True)) == [roles.RESIDENT]
    assert signed_in_user(client) == pending_user
    page = html(response)
    assert text("Your account is activated, and you are signed in.") in page
    assert f"<li>{text('Resident')}</li>" in page


def test_a_used_link_says_the_account_is_already_active(client, pending_user):
    token = services.make_activation_token(pending_user)
    client.post(url(token))
    again = Client().post(url(token))
    assert again.status_code == 200
    assert text("Your account is already active") in html(again)
    assert Registration.objects.get().activated_at is not None


@pytest.mark.parametrize("token", ["nonsense", "eyJ1IjoxfQ:1u2v3w:forged", "a" * 300])
def test_a_bad_token_is_refused(client, pending_user, token):
    for method in (client.get, client.post):
        response = method(url(token))
        assert response.status_code == 400
        assert text("This activation link does not work") in html(response)
    pending_user.refresh_from_db()
    assert not pending_user.is_active and not pending_user.groups.exists()


def test_a_token_signed_for_something_else_is_refused(client, pending_user):
    token = signing.dumps({"u": pending_user.pk, "e": pending_user.email}, salt="another.purpose")
    assert client.post(url(token)).status_code == 400
    pending_user.refresh_from_db()
    assert not pending_user.is_active


def test_an_expired_token_is_refused_with_its_own_message(client, pending_user, monkeypatch):
    four_days_ago = int(time.time()) - 4 * 24 * 3600
    monkeypatch.setattr(signing.TimestampSigner, "timestamp", lambda self: signing.b62_encode(four_days_ago))
    token = services.make_activation_token(pending_user)
    monkeypatch.undo()
    response = client.post(url(token))
    assert response.status_code == 400
    assert text("The activation link has expired") in html(response)
    pending_user.refresh_from_db()
    assert not pending_user.is_active


def test_a_link_for_an_old_address_is_refused(client, pending_user):
    token = services.make_activation_token(pending_user)
    pending_user.email = "new@example.org"
    pending_user.save()
    assert client.post(url(token)).status_code == 400
    pending_user.refresh_from_db()
    assert not pending_user.is_active


def test_a_link_cannot_reactivate_a_blocked_account(client, pending_user):
    token = services.make_activation_token(pending_user)
    client.post(url(token))
    user = User.objects.get(pk=pending_user.pk)
    user.is_active = False  # blocked by a moderator
    user.save()
    response = Client().post(url(token))
    assert response.status_code == 400
    user.refresh_from_db()
    assert not user.is_active


def test_an_account_made_by_an_administrator_cannot_be_activated_by_a_link(client):
    user = User.objects.create_user("made", "made@example.org", "x", is_active=False)
    response = client.post(url(services.make_activation_token(user)))
    assert response.status_code == 400
    user.refresh_from_db()
    assert not user.is_active


def test_a_forged_activation_without_the_csrf_token_is_refused(pending_user):
    client = Client(enforce_csrf_checks=True)
    response = client.post(url(services.make_activation_token(pending_user)))
    assert response.status_code == 403
    pending_user.refresh_from_db()
    assert not pending_user.is_active
