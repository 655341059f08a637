"""Registering as a resident at /konto/registrer/: an inactive account and an e-mail with an
activation link; nothing at all for bad input or robots; for an address that has an account, the
same answer on the page and an e-mail to its owner."""

import socket
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from accounts import tasks
from accounts.models import Registration
from tests.accounts.helpers import (
    SITE_URL,
    STRONG_PASSWORD,
    error_codes,
    html,
    links,
    page_as_seen,
    signed_in_user,
    text,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

URL = "/konto/registrer/"
User = get_user_model()


def form(**changes):
    data = {"username": "nora", "email": "nora@example.org", "password1": STRONG_PASSWORD,
            "password2": STRONG_PASSWORD, "website": ""}
    data.update(changes)
    return data


def assert_nothing_happened(mailoutbox, users_before=0):
    assert User.objects.count() == users_before
    assert Registration.objects.count() == 0
    assert mailoutbox == []


def test_the_page_has_labelled_fields_and_a_hidden_honeypot(client):
    response = client.get(URL)
    assert response.status_code == 200
    page = html(response)
    for name in ("username", "email", "password1", "password2", "website"):
        assert f'<label for="id_{name}">' in page
    assert '<div class="hp">' in page
    assert 'tabindex="-1"' in page
    # The password rules are shown and the field points screen readers to them.
    assert 'id="id_password1_helptext"' in page and 'aria-describedby="id_password1_helptext"' in page
    assert "autofocus" not in page


def test_registering_creates_an_inactive_account_and_sends_the_link(client, mailoutbox):
    response = client.post(URL, form())
    assert response.status_code == 302
    assert response["Location"] == "/konto/registrer/sendt/"
    user = User.objects.get(username="nora")
    assert user.email == "nora@example.org"
    assert not user.is_active
    assert user.check_password(STRONG_PASSWORD)
    assert not user.groups.exists()  # a resident only once the link is followed
    assert user.registration.is_pending
    assert signed_in_user(client) is None

    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["nora@example.org"]
    assert "nora" in message.body
    [link] = links(message)
    assert link.startswith(SITE_URL + "/konto/aktiver/")

    done = client.get(response["Location"])
    assert done.status_code == 200
    assert text("Check your e-mail") in html(done)


def test_the_link_works(client, mailoutbox):
    client.post(URL, form())
    [link] = links(mailoutbox[0])
    page = client.get(link)
    assert page.status_code == 200
    response = client.post(link)
    assert response["Location"] == "/konto/"
    user = User.objects.get(username="nora")
    assert user.is_active
    assert signed_in_user(client) == user


def test_english_registration_sends_english_mail_with_an_english_link(client, mailoutbox):
    response = client.post("/en" + URL, form())
    assert response["Location"] == "/en/konto/registrer/sendt/"
    message = mailoutbox[0]
    assert message.subject == "Activate your account at the Asker planning portal"
    assert message.body.startswith("Hello nora,")
    [link] = links(message)
    assert link.startswith(SITE_URL + "/en/konto/aktiver/")


def test_the_link_names_the_configured_site_not_the_host_of_the_request(client, mailoutbox):
    # A forged Host header must not put the attacker's site into the mail (ALLOWED_HOSTS is
    # "*" in the tests, as a proxy that passes any host on would be).
    response = client.post(URL, form(), HTTP_HOST="evil.example")
    assert response.status_code == 302
    [link] = links(mailoutbox[0])
    assert link.startswith(SITE_URL + "/konto/aktiver/")
    assert "evil.example" not in mailoutbox[0].body


def test_the_email_address_is_normalised(client, mailoutbox):
    client.post(URL, form(email="Nora@EXAMPLE.org"))
    assert User.objects.get(username="nora").email == "Nora@example.org"


def test_empty_form(client, mailoutbox):
    response = client.post(URL, {})
    assert response.status_code == 200
    for field in ("username", "email", "password1", "password2"):
        assert error_codes(response, field) == ["required"]
    page = html(response)
    assert 'class="error-summary"' in page
    for field in ("username", "email", "password1", "password2"):
        assert f'href="#id_{field}"' in page and f'id="id_{field}-error"' in page
    assert page.count('aria-invalid="true"') == 4
    assert_nothing_happened(mailoutbox)


@pytest.mark.parametrize("username", ["kari", "KARI", "Kari"])
def test_a_taken_username_is_refused(client, resident, mailoutbox, username):
    response = client.post(URL, form(username=username))
    assert error_codes(response, "username") == ["unique"]
    assert 'href="#id_username"' in html(response)
    assert_nothing_happened(mailoutbox, users_before=1)


def answer(client, data, **extra):
    """What a visitor sees after sending the form: the status, where it leads and that page."""
    response = client.post(URL, data, **extra)
    landing = client.get(response["Location"]) if response.status_code == 302 else response
    return response.status_code, response.get("Location"), landing.status_code, page_as_seen(landing)


@pytest.mark.parametrize("email", ["kari@example.org", "KARI@example.org", "kari@EXAMPLE.ORG"])
def test_a_taken_email_address_gets_the_same_answer_as_a_new_one(client, resident, mailoutbox, email):
    taken = answer(client, form(email=email))
    assert User.objects.count() == 1 and Registration.objects.count() == 0  # nothing created

    new = answer(Client(), form(username="nils", email="nils@example.org"))
    assert User.objects.filter(username="nils").exists()  # the control: this one did register
    assert taken == new
    assert taken[:3] == (302, "/konto/registrer/sendt/", 200)
    page = taken[3]
    assert text("Check your e-mail") in page
    assert "kari@example.org" not in page.lower() and "error-summary" not in page


def test_the_owner_of_a_taken_address_is_told_by_email(client, resident, mailoutbox):
    client.post(URL, form(email="KARI@example.org"), HTTP_HOST="evil.example")
    [notice] = mailoutbox
    assert notice.to == ["kari@example.org"]  # the account's own address, as stored
    assert notice.subject == text("You already have an account at the Asker planning portal")
    assert notice.body.startswith(text("Hello %(username)s,", username="kari"))
    assert text("If it was you, sign in with your username, %(username)s:", username="kari") in notice.body
    assert links(notice) == [SITE_URL + "/konto/logg-inn/", SITE_URL + "/konto/passord/"]
    assert STRONG_PASSWORD not in notice.body
    assert list(User.objects.all()) == [resident]
    resident.refresh_from_db()
    assert resident.check_password("asker-demo")  # the account is not touched


def test_the_links_in_the_notice_work(client, resident, mailoutbox):
    client.post(URL, form(email="kari@example.org"))
    sign_in, reset = links(mailoutbox[0])
    assert client.get(sign_in).status_code == 200
    response = client.post(reset, {"email": "kari@example.org"})
    assert response["Location"] == "/konto/passord/sendt/"
    assert len(mailoutbox) == 2


def test_the_notice_is_in_the_language_of_the_page(client, resident, mailoutbox):
    client.post("/en" + URL, form(email="kari@example.org"))
    [notice] = mailoutbox
    assert notice.subject == "You already have an account at the Asker planning portal"
    assert links(notice) == [SITE_URL + "/en/konto/logg-inn/", SITE_URL + "/en/konto/passord/"]


def test_an_address_waiting_for_activation_gets_the_same_answer_and_a_new_link(client, pending_user, mailoutbox):
    taken = answer(client, form(email="ola@example.org"))
    new = answer(Client(), form(username="nils", email="nils@example.org"))
    assert taken == new
    assert User.objects.filter(email__iexact="ola@example.org").get() == pending_user
    notice = mailoutbox[0]
    assert notice.to == ["ola@example.org"]
    [link] = links(notice)
    assert link.startswith(SITE_URL + "/konto/aktiver/")
    client.post(link)  # the link activates the waiting account
    pending_user.refresh_from_db()
    assert pending_user.is_active


def test_a_deactivated_account_is_told_nothing(client, resident, mailoutbox):
    Registration.objects.create(user=resident, activated_at=timezone.now())
    resident.is_active = False  # blocked by an administrator: no sign-in or reset would work
    resident.save()
    taken = answer(client, form(email="kari@example.org"))
    assert taken[:2] == (302, "/konto/registrer/sendt/")
    assert mailoutbox == [] and User.objects.count() == 1


def test_a_taken_username_with_a_taken_address_says_only_the_username(client, resident, mailoutbox):
    # Usernames are public (they sign every comment); the address must still not show.
    with_taken_address = client.post(URL, form(username="kari", email="kari@example.org"))
    with_new_address = client.post(URL, form(username="kari", email="nobody@example.org"))
    for response in (with_taken_address, with_new_address):
        assert response.status_code == 200
        assert error_codes(response, "username") == ["unique"]
        assert error_codes(response, "email") == []
    assert mailoutbox == [] and User.objects.count() == 1


@pytest.mark.parametrize(
    "password, code",
    [
        ("password1", "password_too_common"),
        ("abc", "password_too_short"),
        ("83920174655", "password_entirely_numeric"),
        ("nora@example.org", "password_too_similar"),
    ],
)
def test_a_weak_password_is_refused(client, mailoutbox, password, code):
    response = client.post(URL, form(password1=password, password2=password))
    assert code in error_codes(response, "password2")
    assert 'href="#id_password2"' in html(response)
    assert_nothing_happened(mailoutbox)


def test_passwords_that_differ_are_refused(client, mailoutbox):
    response = client.post(URL, form(password2=STRONG_PASSWORD + "x"))
    assert error_codes(response, "password2") == ["password_mismatch"]
    assert_nothing_happened(mailoutbox)


@pytest.mark.parametrize("email", ["nora", "nora@", "@example.org", "nora@example", "a" * 250 + "@x.no"])
def test_a_bad_email_address_is_refused(client, mailoutbox, email):
    response = client.post(URL, form(email=email))
    assert error_codes(response, "email")
    assert_nothing_happened(mailoutbox)


@pytest.mark.parametrize("username", ["nora smith", "nora<script>", "x" * 151])
def test_a_bad_username_is_refused_and_shown_as_text(client, mailoutbox, username):
    response = client.post(URL, form(username=username))
    assert error_codes(response, "username")
    assert "<script>" not in html(response)
    assert_nothing_happened(mailoutbox)


def test_a_filled_honeypot_creates_and_sends_nothing(client, mailoutbox):
    response = client.post(URL, form(website="http://spam.example/"))
    assert response.status_code == 302
    assert response["Location"] == "/konto/registrer/sendt/"  # a robot learns nothing
    assert_nothing_happened(mailoutbox)


def test_a_forged_request_without_the_csrf_token_is_refused(mailoutbox):
    client = Client(enforce_csrf_checks=True)
    response = client.post(URL, form())
    assert response.status_code == 403
    assert_nothing_happened(mailoutbox)


def test_signed_in_users_are_sent_to_their_account(client, resident, mailoutbox):
    client.force_login(resident)
    assert client.get(URL)["Location"] == "/konto/"
    assert client.post(URL, form())["Location"] == "/konto/"
    assert User.objects.count() == 1 and mailoutbox == []


def test_when_the_mail_server_is_down_the_account_is_kept_and_no_error_shown(client, settings, caplog):
    # A real SMTP connection to a port where nothing listens: refused, as when the server is down.
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", free_port(), 2
    response = client.post(URL, form())
    assert response.status_code == 302
    assert User.objects.filter(username="nora", is_active=False).exists()
    assert Registration.objects.count() == 1
    assert "could not queue the mail" in caplog.text or "trying again" in caplog.text


def test_an_expired_registration_frees_its_username_and_address(client, mailoutbox):
    old = UserFactory(username="nora", email="nora@example.org", is_active=False)
    Registration.objects.create(user=old)
    Registration.objects.update(registered_at=timezone.now() - timedelta(days=4))
    # Celery beat runs this every hour (accounts/migrations/0003_beat_schedule.py).
    assert tasks.delete_expired_registrations.delay().get() == 1
    response = client.post(URL, form())
    assert response.status_code == 302
    user = User.objects.get(username="nora")
    assert user.pk != old.pk and user.registration.is_pending
    assert len(mailoutbox) == 1


def test_a_registration_still_waiting_for_its_link_keeps_its_username(client, pending_user, mailoutbox):
    response = client.post(URL, form(username="ola", email="other@example.org"))
    assert error_codes(response, "username") == ["unique"]
    assert User.objects.filter(username="ola").get() == pending_user
    assert mailoutbox == []


def test_an_activated_account_is_never_deleted_as_expired(client, resident, mailoutbox):
    Registration.objects.create(user=resident, activated_at=timezone.now())
    Registration.objects.update(registered_at=timezone.now() - timedelta(days=400))
    resident.is_active = False  # blocked since
    resident.save()
    client.post(URL, form())
    assert User.objects.filter(pk=resident.pk).exists()
