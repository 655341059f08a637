"""Repeated failed sign-ins (django-axes): five failures for one username from one IP address
lock that pair out for 15 minutes, with a clear page in the visitor's language and HTTP 429."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.utils import timezone

from tests.accounts.helpers import (
    PASSWORD,
    STRONG_PASSWORD,
    html,
    links,
    signed_in_user,
    text,
)

pytestmark = pytest.mark.django_db

URL = "/konto/logg-inn/"
LIMIT = 5


def fail(client, times, username="kari", **extra):
    return [client.post(URL, {"username": username, "password": "wrong"}, **extra) for _ in range(times)]


def lockout_message(language="nb", minutes=15):
    from django.utils import translation
    from django.utils.html import escape

    with translation.override(language):
        message = translation.ngettext(
            "To protect the account, signing in with this username from your network is paused for %(minutes)s minute.",
            "To protect the account, signing in with this username from your network is paused for %(minutes)s minutes.",
            minutes,
        )
    return escape(message % {"minutes": minutes})


def test_four_failures_still_get_the_form(client, resident):
    responses = fail(client, LIMIT - 1)
    assert [r.status_code for r in responses] == [200] * (LIMIT - 1)
    assert AccessAttempt.objects.get(username="kari").failures_since_start == LIMIT - 1


def test_the_fifth_failure_locks_out_with_a_message_and_429(client, resident):
    response = fail(client, LIMIT)[-1]
    assert response.status_code == 429
    assert response["Retry-After"] == str(15 * 60)
    page = html(response)
    assert text("Too many failed sign-in attempts") in page
    assert lockout_message() in page
    assert 'href="/konto/passord/"' in page
    attempt = AccessAttempt.objects.get(username="kari", ip_address="127.0.0.1")
    assert attempt.failures_since_start == LIMIT
    assert "wrong" not in attempt.post_data  # the password is not stored


def test_the_lockout_page_is_in_english_on_the_english_site(client, resident):
    for _ in range(LIMIT):
        response = client.post("/en" + URL, {"username": "kari", "password": "wrong"})
    assert response.status_code == 429
    page = html(response)
    assert '<html lang="en">' in page
    assert "Too many failed sign-in attempts" in page
    assert lockout_message("en") in page


def test_the_right_password_is_refused_while_locked_out(client, resident):
    fail(client, LIMIT)
    response = client.post(URL, {"username": "kari", "password": PASSWORD})
    assert response.status_code == 429
    assert signed_in_user(client) is None
    resident.refresh_from_db()
    assert resident.last_login is None


def test_other_addresses_and_other_usernames_are_not_locked_out(client, resident):
    fail(client, LIMIT)
    elsewhere = Client(REMOTE_ADDR="192.0.2.7")
    response = elsewhere.post(URL, {"username": "kari", "password": PASSWORD})
    assert response.status_code == 302
    assert signed_in_user(elsewhere) == resident
    other = client.post(URL, {"username": "someone-else", "password": "wrong"})
    assert other.status_code == 200


def test_after_the_cool_off_signing_in_works_again(client, resident):
    fail(client, LIMIT)
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    response = client.post(URL, {"username": "kari", "password": PASSWORD})
    assert response.status_code == 302
    assert signed_in_user(client) == resident


def test_a_successful_sign_in_clears_earlier_failures(client, resident):
    fail(client, LIMIT - 1)
    client.post(URL, {"username": "kari", "password": PASSWORD})
    assert not AccessAttempt.objects.filter(username="kari").exists()
    client.post("/konto/logg-ut/")
    assert fail(client, LIMIT - 1)[-1].status_code == 200  # counting starts again


def test_the_admin_sign_in_is_throttled_too(client, resident):
    for _ in range(LIMIT):
        response = client.post("/admin/login/", {"username": "kari", "password": "wrong"})
    assert response.status_code == 429


def test_choosing_a_new_password_lifts_the_lockout(client, resident, mailoutbox):
    fail(client, LIMIT)
    client.post("/konto/passord/", {"email": "kari@example.org"})
    [link] = links(mailoutbox[0])
    set_url = client.get(link, follow=True).redirect_chain[-1][0]
    client.post(set_url, {"new_password1": STRONG_PASSWORD, "new_password2": STRONG_PASSWORD})
    assert not AccessAttempt.objects.filter(username="kari").exists()
    response = client.post(URL, {"username": "kari", "password": STRONG_PASSWORD})
    assert response.status_code == 302
    assert signed_in_user(client) == resident
