"""Signing out at /konto/logg-ut/: POST only, with CSRF, from a button in the header."""

import pytest
from django.test import Client

from tests.accounts.helpers import PASSWORD, html, signed_in_user, text

pytestmark = pytest.mark.django_db

URL = "/konto/logg-ut/"


def test_the_header_names_the_signed_in_user_and_has_a_sign_out_button(client, resident):
    client.force_login(resident)
    page = html(client.get("/prosjekter/"))
    assert 'href="/konto/"' in page and "Kari Nordmann" in page
    assert f'<form method="post" action="{URL}">' in page
    assert text("Sign out") in page
    assert 'href="/konto/logg-inn/' not in page


def test_signing_out_goes_to_the_map_with_a_message(client, resident):
    client.force_login(resident)
    response = client.post(URL, follow=True)
    assert response.redirect_chain == [("/", 302)]
    assert signed_in_user(client) is None
    assert text("You are signed out.") in html(response)


def test_signing_out_in_english_goes_to_the_english_map(client, resident):
    client.force_login(resident)
    response = client.post("/en" + URL)
    assert response["Location"] == "/en/"


def test_get_does_not_sign_out(client, resident):
    client.force_login(resident)
    assert client.get(URL).status_code == 405
    assert signed_in_user(client) == resident


def test_a_forged_sign_out_is_refused(resident):
    client = Client(enforce_csrf_checks=True)
    client.post("/konto/logg-inn/", {"username": "kari", "password": PASSWORD})  # refused: no token
    client.force_login(resident)
    assert client.post(URL).status_code == 403
    assert signed_in_user(client) == resident


def test_signing_out_when_not_signed_in_is_harmless(client):
    response = client.post(URL)
    assert response.status_code == 302
    assert signed_in_user(client) is None
