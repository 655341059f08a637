"""Registration must not tell whether an address has an account, not even over two requests.

A new address gets an inactive account, which holds its username until the activation link
expires. If an address with an account held nothing, a probe could register a username with
the address, then register the same username with a fresh address: "taken" would mean the
address was new, a redirect that it had an account. So the username is held in both cases (a
UsernameReservation for a taken address), for as long, and the sign-in page answers for it as
for an account waiting for its link."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import check_password
from django.test import Client
from django.utils import timezone

from accounts import tasks
from accounts.models import Registration, UsernameReservation
from tests.accounts.helpers import STRONG_PASSWORD, error_codes, page_as_seen
from tests.accounts.test_register import URL, form

pytestmark = pytest.mark.django_db

User = get_user_model()


def seen(response, username, email):
    """What the visitor sees, with the probe's own username and address put aside."""
    client_page = page_as_seen(response).replace(username, "USERNAME").replace(email, "EMAIL")
    form = response.context.get("form") if response.context else None
    errors = sorted((field, e.code) for field, es in form.errors.as_data().items() for e in es) if form else []
    return response.status_code, response.get("Location"), errors, client_page


def probe(address, username):
    """The reviewer's two requests and a sign-in, as a stranger would send them."""
    client = Client()
    first = client.post(URL, form(username=username, email=address))
    fresh = f"fresh-{username}@example.org"
    second = client.post(URL, form(username=username, email=fresh))
    sign_in = client.post("/konto/logg-inn/", {"username": username, "password": STRONG_PASSWORD})
    return (seen(first, username, address), seen(second, username, fresh), seen(sign_in, username, address))


def test_a_taken_and_a_free_address_answer_alike(resident, mailoutbox):
    taken = probe("kari@example.org", "probe-a")
    free = probe("ny@example.org", "probe-b")
    assert User.objects.filter(email="ny@example.org").exists()  # the control: that one registered
    assert not User.objects.filter(username="probe-a").exists()  # and this one did not
    assert taken == free
    first, second, sign_in = taken
    assert first[:2] == (302, "/konto/registrer/sendt/")
    assert second[0] == 200 and second[2] == [("username", "unique")]
    assert sign_in[0] == 200 and sign_in[2] == [("__all__", "pending")]


@pytest.mark.parametrize("username", ["probe-a", "PROBE-A", "Probe-A"])
def test_the_reserved_username_is_taken_in_any_case(client, resident, username):
    client.post(URL, form(username="probe-a", email="kari@example.org"))
    assert UsernameReservation.objects.filter(username="probe-a").exists()
    response = Client().post(URL, form(username=username, email="someone@example.org"))
    assert error_codes(response, "username") == ["unique"]
    assert User.objects.count() == 1


def test_a_reservation_holds_no_account_and_the_owner_is_told(client, resident, mailoutbox):
    client.post(URL, form(username="probe-a", email="KARI@example.org"))
    [reservation] = UsernameReservation.objects.all()
    # Hashed as an account's password is.
    assert reservation.password != STRONG_PASSWORD and check_password(STRONG_PASSWORD, reservation.password)
    assert list(User.objects.all()) == [resident] and not Registration.objects.exists()
    [notice] = mailoutbox
    assert notice.to == ["kari@example.org"]
    # A reservation signs no one in, whatever the password.
    response = client.post("/konto/logg-inn/", {"username": "probe-a", "password": STRONG_PASSWORD})
    assert response.status_code == 200 and "_auth_user_id" not in client.session
    assert len(mailoutbox) == 1  # it has no link to send again


def test_a_wrong_password_for_a_reservation_is_a_wrong_password(client, resident):
    client.post(URL, form(username="probe-a", email="kari@example.org"))
    response = client.post("/konto/logg-inn/", {"username": "probe-a", "password": "feil-passord-99"})
    assert error_codes(response) == ["invalid_login"]


def test_the_reservation_expires_with_the_registrations(client, resident, mailoutbox):
    client.post(URL, form(username="probe-a", email="kari@example.org"))
    client.post(URL, form(username="probe-b", email="ny@example.org"))
    # Not yet: the activation link of probe-b would still work.
    assert tasks.delete_expired_registrations.delay().get() == 0
    assert error_codes(Client().post(URL, form(username="probe-a", email="x@example.org")), "username") == ["unique"]

    past = timezone.now() - timedelta(days=4)
    UsernameReservation.objects.update(reserved_at=past)
    Registration.objects.update(registered_at=past)
    # Celery beat runs this every hour (accounts/migrations/0003_beat_schedule.py).
    assert tasks.delete_expired_registrations.delay().get() == 2
    assert not UsernameReservation.objects.exists()
    for username in ("probe-a", "probe-b"):
        response = Client().post(URL, form(username=username, email=f"{username}@example.org"))
        assert response.status_code == 302
        assert User.objects.get(username=username).registration.is_pending
