"""Signing in at /konto/logg-inn/: Django's `username` and `password`, a safe `next`, and clear
messages for every way it can go wrong."""

import pytest
from django.test import Client

from accounts.models import Registration
from tests.accounts.helpers import PASSWORD, error_codes, html, signed_in_user, text

pytestmark = pytest.mark.django_db

URL = "/konto/logg-inn/"


def test_the_page_has_labelled_username_and_password_fields(client):
    response = client.get(URL)
    assert response.status_code == 200
    page = html(response)
    assert '<label for="id_username">' in page and 'name="username"' in page
    assert '<label for="id_password">' in page and 'name="password"' in page
    assert 'type="password"' in page
    assert "csrfmiddlewaretoken" in page
    assert 'href="/konto/passord/"' in page and 'href="/konto/registrer/"' in page
    assert "autofocus" not in page  # focus starts at the skip link


def test_english_page(client):
    response = client.get("/en" + URL)
    assert response.status_code == 200
    assert '<html lang="en">' in html(response)
    assert "<h1>Sign in</h1>" in html(response)


def test_signing_in_goes_to_the_account_page(client, resident):
    response = client.post(URL, {"username": "kari", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/konto/"
    assert signed_in_user(client) == resident
    resident.refresh_from_db()
    assert resident.last_login is not None


def test_english_sign_in_goes_to_the_english_account_page(client, resident):
    response = client.post("/en" + URL, {"username": "kari", "password": PASSWORD})
    assert response["Location"] == "/en/konto/"


def test_wrong_password_says_so_and_signs_nobody_in(client, resident):
    response = client.post(URL, {"username": "kari", "password": "wrong"})
    assert response.status_code == 200
    assert error_codes(response) == ["invalid_login"]
    page = html(response)
    assert 'class="error-summary"' in page
    assert signed_in_user(client) is None
    resident.refresh_from_db()
    assert resident.last_login is None


def test_unknown_username_gets_the_same_message(client, resident):
    response = client.post(URL, {"username": "nobody", "password": PASSWORD})
    assert error_codes(response) == ["invalid_login"]
    assert signed_in_user(client) is None


def test_empty_fields_are_marked_and_linked_from_the_summary(client):
    response = client.post(URL, {"username": "", "password": ""})
    assert response.status_code == 200
    assert error_codes(response, "username") == ["required"]
    assert error_codes(response, "password") == ["required"]
    page = html(response)
    assert 'href="#id_username"' in page and 'href="#id_password"' in page
    assert 'id="id_username-error"' in page and 'id="id_password-error"' in page
    assert 'aria-describedby="id_username-error"' in page
    assert page.count('aria-invalid="true"') == 2


def test_a_pending_account_is_told_to_activate_and_gets_a_new_link(client, pending_user, mailoutbox):
    response = client.post(URL, {"username": "ola", "password": PASSWORD})
    assert error_codes(response) == ["pending"]
    assert signed_in_user(client) is None
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["ola@example.org"]
    assert "/konto/aktiver/" in mailoutbox[0].body
    # Trying again at once does not send another.
    client.post(URL, {"username": "ola", "password": PASSWORD})
    assert len(mailoutbox) == 1


def test_a_pending_account_with_a_wrong_password_learns_nothing(client, pending_user, mailoutbox):
    response = client.post(URL, {"username": "ola", "password": "wrong"})
    assert error_codes(response) == ["invalid_login"]
    assert mailoutbox == []


def test_a_deactivated_account_cannot_sign_in_and_gets_no_link(client, pending_user, mailoutbox):
    # Activated once, then blocked by an administrator.
    Registration.objects.filter(user=pending_user).update(activated_at="2026-01-01T12:00Z")
    response = client.post(URL, {"username": "ola", "password": PASSWORD})
    assert error_codes(response) == ["invalid_login"]
    assert signed_in_user(client) is None
    assert mailoutbox == []


def test_an_inactive_account_without_registration_cannot_sign_in(client, resident, mailoutbox):
    resident.is_active = False
    resident.save()
    response = client.post(URL, {"username": "kari", "password": PASSWORD})
    assert error_codes(response) == ["invalid_login"]
    assert signed_in_user(client) is None
    assert mailoutbox == []


def test_next_is_kept_in_the_form_and_followed(client, resident):
    page = html(client.get(URL + "?next=/prosjekter/%3Fstatus%3Dplanning"))
    assert 'name="next" value="/prosjekter/?status=planning"' in page
    response = client.post(URL, {"username": "kari", "password": PASSWORD,
                                 "next": "/prosjekter/?status=planning"})
    assert response["Location"] == "/prosjekter/?status=planning"


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "http://evil.example/konto/",
        "//evil.example/",
        "///evil.example/",
        "/\\evil.example/",
        "\\\\evil.example",
        "https:evil.example",
        "javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        " https://evil.example/",
    ],
)
def test_next_to_another_site_is_refused(client, resident, target):
    # The form does not carry it on (the language links keep the address as it was typed).
    assert 'name="next"' not in html(client.get(URL, {"next": target}))
    response = client.post(URL, {"username": "kari", "password": PASSWORD, "next": target})
    assert response.status_code == 302
    assert response["Location"] == "/konto/"
    assert signed_in_user(client) == resident


def test_a_forged_request_without_the_csrf_token_is_refused(resident):
    client = Client(enforce_csrf_checks=True)
    response = client.post(URL, {"username": "kari", "password": PASSWORD})
    assert response.status_code == 403
    assert signed_in_user(client) is None


def test_with_the_csrf_token_it_works(resident):
    client = Client(enforce_csrf_checks=True)
    client.get(URL)
    token = client.cookies["csrftoken"].value
    response = client.post(URL, {"username": "kari", "password": PASSWORD, "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert signed_in_user(client) == resident


def test_the_header_offers_sign_in_and_comes_back_to_the_page(client, resident):
    page = html(client.get("/prosjekter/?status=planning"))
    assert 'href="/konto/logg-inn/?next=/prosjekter/%3Fstatus%3Dplanning"' in page
    assert text("Sign in") in page


def test_the_pending_message_is_in_the_visitors_language(client, pending_user):
    for language, prefix in (("nb", ""), ("en", "/en")):
        response = client.post(prefix + URL, {"username": "ola", "password": PASSWORD})
        assert text(
            "This account is not activated yet. We have sent an e-mail with an activation link "
            "to the address you registered with: follow the link, then sign in.", language
        ) in html(response)
