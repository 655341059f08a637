"""Resetting a forgotten password by e-mail (Django's PasswordReset* views under /konto/passord/)."""

import pytest
from django.test import Client

from accounts.models import Registration
from tests.accounts.smtp import FlakySMTPServer
from tests.accounts.helpers import (
    PASSWORD,
    SITE_URL,
    STRONG_PASSWORD,
    error_codes,
    html,
    links,
    signed_in_user,
    text,
)

pytestmark = pytest.mark.django_db

URL = "/konto/passord/"


def ask_for_link(client, mailoutbox, email="kari@example.org", prefix=""):
    response = client.post(prefix + URL, {"email": email})
    assert response.status_code == 302
    assert response["Location"] == prefix + "/konto/passord/sendt/"
    [link] = links(mailoutbox[-1])
    return link


def test_the_page_has_a_labelled_email_field(client):
    response = client.get(URL)
    assert response.status_code == 200
    page = html(response)
    assert '<label for="id_email">' in page and 'type="email"' in page


def test_a_known_address_gets_a_link_that_sets_a_new_password(client, resident, mailoutbox):
    link = ask_for_link(client, mailoutbox)
    message = mailoutbox[0]
    assert message.to == ["kari@example.org"]
    assert "kari" in message.body  # the username, as a reminder
    assert link.startswith(SITE_URL + "/konto/passord/ny/")

    form = client.get(link, follow=True)  # Django swaps the token for a session and redirects
    assert form.status_code == 200
    assert 'name="new_password1"' in html(form)
    set_url = form.redirect_chain[-1][0]
    response = client.post(set_url, {"new_password1": STRONG_PASSWORD, "new_password2": STRONG_PASSWORD})
    assert response["Location"] == "/konto/passord/endret/"
    assert text("Your password is changed") in html(client.get(response["Location"]))

    resident.refresh_from_db()
    assert resident.check_password(STRONG_PASSWORD)
    signed_in = Client()
    signed_in.post("/konto/logg-inn/", {"username": "kari", "password": STRONG_PASSWORD})
    assert signed_in_user(signed_in) == resident


def test_the_link_works_once(client, resident, mailoutbox):
    link = ask_for_link(client, mailoutbox)
    set_url = client.get(link, follow=True).redirect_chain[-1][0]
    client.post(set_url, {"new_password1": STRONG_PASSWORD, "new_password2": STRONG_PASSWORD})
    again = Client().get(link, follow=True)
    assert text("This link does not work") in html(again)
    assert 'name="new_password1"' not in html(again)


def test_english_request_gets_english_mail_and_link(client, resident, mailoutbox):
    link = ask_for_link(client, mailoutbox, prefix="/en")
    assert mailoutbox[0].subject == "Choose a new password for the Asker planning portal"
    assert link.startswith(SITE_URL + "/en/konto/passord/ny/")


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8443"])
def test_the_link_names_the_configured_site_not_the_host_of_the_request(client, resident, mailoutbox, host):
    # Django's own form would build the link on the Host header, which anyone can forge
    # (ALLOWED_HOSTS is "*" in the tests, as a proxy that passes any host on would be).
    response = client.post(URL, {"email": "kari@example.org"}, HTTP_HOST=host, secure=True)
    assert response.status_code == 302
    [link] = links(mailoutbox[0])
    assert link.startswith(SITE_URL + "/konto/passord/ny/")
    assert "evil" not in mailoutbox[0].body
    form = client.get(link, follow=True)
    assert 'name="new_password1"' in html(form)  # and it is a working link


def test_when_the_mail_server_fails_the_link_is_sent_again(client, resident, settings, caplog, eager_retries):
    # The mail is handed to a Celery task (asker.mail), which tries again while the server
    # fails; Django's own form tries once and gives up. Tasks run eagerly in the tests, so the
    # retry happens at once.
    with FlakySMTPServer(failures=1) as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", server.port, 5
        response = client.post(URL, {"email": "kari@example.org"})
        assert response.status_code == 302
        assert response["Location"] == "/konto/passord/sendt/"
    assert server.connections == 2
    [message] = server.messages
    assert message["To"] == "kari@example.org"
    assert SITE_URL + "/konto/passord/ny/" in message.get_content()
    assert "trying again" in caplog.text


def test_when_the_mail_server_stays_down_the_answer_is_still_the_same(client, resident, settings, eager_retries):
    with FlakySMTPServer(failures=100) as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", server.port, 5
        response = client.post(URL, {"email": "kari@example.org"})
    assert response.status_code == 302
    assert response["Location"] == "/konto/passord/sendt/"
    assert server.connections == settings.MAIL_MAX_RETRIES + 1 and server.messages == []


@pytest.mark.parametrize("email", ["nobody@example.org", "KARI@example.org"])
def test_an_unknown_address_gets_the_same_answer_and_no_mail(client, resident, mailoutbox, email):
    # Django matches the address case-insensitively; an unknown one is not revealed.
    response = client.post(URL, {"email": email})
    assert response["Location"] == "/konto/passord/sendt/"
    if email == "nobody@example.org":
        assert mailoutbox == []
    else:
        assert len(mailoutbox) == 1


def test_an_account_not_yet_activated_gets_no_link(client, pending_user, mailoutbox):
    response = client.post(URL, {"email": "ola@example.org"})
    assert response["Location"] == "/konto/passord/sendt/"
    assert mailoutbox == []


def test_a_blocked_account_gets_no_link(client, resident, mailoutbox):
    Registration.objects.create(user=resident)
    resident.is_active = False
    resident.save()
    client.post(URL, {"email": "kari@example.org"})
    assert mailoutbox == []


@pytest.mark.parametrize("email, code", [("", "required"), ("kari", "invalid"), ("kari@", "invalid")])
def test_a_bad_address_is_pointed_out(client, resident, mailoutbox, email, code):
    response = client.post(URL, {"email": email})
    assert response.status_code == 200
    assert error_codes(response, "email") == [code]
    page = html(response)
    assert 'href="#id_email"' in page and 'aria-invalid="true"' in page
    assert 'aria-describedby="id_email-error"' in page
    assert mailoutbox == []


@pytest.mark.parametrize(
    "new1, new2, code",
    [
        ("", "", "required"),
        ("password1", "password1", "password_too_common"),
        ("kari@example.org", "kari@example.org", "password_too_similar"),
        ("short", "short", "password_too_short"),
        (STRONG_PASSWORD, STRONG_PASSWORD + "x", "password_mismatch"),
    ],
)
def test_a_weak_or_mismatched_new_password_changes_nothing(client, resident, mailoutbox, new1, new2, code):
    link = ask_for_link(client, mailoutbox)
    set_url = client.get(link, follow=True).redirect_chain[-1][0]
    response = client.post(set_url, {"new_password1": new1, "new_password2": new2})
    assert response.status_code == 200
    codes = error_codes(response, "new_password1") + error_codes(response, "new_password2")
    assert code in codes
    assert 'class="error-summary"' in html(response)
    resident.refresh_from_db()
    assert resident.check_password(PASSWORD)


@pytest.mark.parametrize("path", ["/konto/passord/ny/MQ/forged-token/", "/konto/passord/ny/zzz/abc-def/"])
def test_a_bad_link_says_so(client, resident, path):
    response = client.get(path)
    assert response.status_code == 200
    assert text("This link does not work") in html(response)
    assert 'href="/konto/passord/"' in html(response)


def test_a_forged_request_without_the_csrf_token_is_refused(resident, mailoutbox):
    client = Client(enforce_csrf_checks=True)
    assert client.post(URL, {"email": "kari@example.org"}).status_code == 403
    assert mailoutbox == []


def test_a_forged_new_password_without_the_csrf_token_is_refused(client, resident, mailoutbox):
    link = ask_for_link(client, mailoutbox)
    forged = Client(enforce_csrf_checks=True)
    set_url = forged.get(link, follow=True).redirect_chain[-1][0]
    response = forged.post(set_url, {"new_password1": STRONG_PASSWORD, "new_password2": STRONG_PASSWORD})
    assert response.status_code == 403
    resident.refresh_from_db()
    assert resident.check_password(PASSWORD)
