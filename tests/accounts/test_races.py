"""Concurrent requests against a live server: the rate limits and the registration checks hold
when many requests arrive at once, not only one after another.

Each visitor has its own session and CSRF token, fetches the form first, then all send at the
same moment (a barrier). The live server answers each request in a thread of its own, with its
own database connection, as a production server with several workers would.
"""

import http.client
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlencode, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from accounts.models import Registration
from tests.accounts.helpers import STRONG_PASSWORD, text
from tests.factories import UserFactory

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

User = get_user_model()
LIMIT = 10
REGISTER = "/konto/registrer/"
RESET = "/konto/passord/"


class Visitor:
    """A browser of its own: its cookies (the CSRF cookie, a session once there is one) and
    the form's token."""

    def __init__(self, live_server):
        self.address = urlsplit(live_server.url)
        self.cookies = {}
        self.token = None
        self.connection = None

    def _connect(self):
        return http.client.HTTPConnection(self.address.hostname, self.address.port, timeout=60)

    def _exchange(self, connection, method, path, body=None):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        page = response.read().decode()
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, value = header.split(";", 1)[0].partition("=")
            self.cookies[name.strip()] = value
        connection.close()
        return response.status, page

    def open_form(self, path):
        _status, page = self._exchange(self._connect(), "GET", path)
        self.token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        # Connected before the others send: Django's live server accepts only 10 connections
        # at a time into its queue, and more arriving at once could be reset.
        self.connection = self._connect()
        self.connection.connect()

    def send(self, path, data):
        """POST the form on the open connection; the status code and the page (no redirect
        followed)."""
        body = urlencode({**data, "csrfmiddlewaretoken": self.token})
        return self._exchange(self.connection, "POST", path, body)


def all_at_once(live_server, path, forms):
    """Send each form from its own visitor, all at the same moment; the answers, in order."""
    visitors = [Visitor(live_server) for _ in forms]
    for visitor in visitors:
        visitor.open_form(path)
    barrier = threading.Barrier(len(forms))

    def send(pair):
        visitor, data = pair
        barrier.wait(timeout=30)
        return visitor.send(path, data)

    with ThreadPoolExecutor(max_workers=len(forms)) as pool:
        return list(pool.map(send, zip(visitors, forms)))


def registration(n, **changes):
    return {"username": f"person{n}", "email": f"person{n}@example.org", "password1": STRONG_PASSWORD,
            "password2": STRONG_PASSWORD, "website": "", **changes}


def statuses(answers):
    return sorted(status for status, _page in answers)


@pytest.fixture
def database_cache(settings):
    """The database cache, which the settings use when Redis is not configured: its incr() is
    a read and a write, and a counter kept in it once let 25 concurrent registrations through a
    limit of 10. The limits must not depend on the cache."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache",
                                   "LOCATION": "accounts_race_test_cache"}}
    call_command("createcachetable", verbosity=0)


def test_exactly_the_limit_of_concurrent_registrations_passes(live_server, database_cache, mailoutbox):
    answers = all_at_once(live_server, REGISTER, [registration(n) for n in range(25)])
    assert statuses(answers) == [302] * LIMIT + [429] * (25 - LIMIT)
    assert User.objects.count() == LIMIT and Registration.objects.count() == LIMIT
    assert len(mailoutbox) == LIMIT
    # The ones that passed are exactly the accounts made.
    passed = {n for n, (status, _page) in enumerate(answers) if status == 302}
    assert set(User.objects.values_list("username", flat=True)) == {f"person{n}" for n in passed}


def test_exactly_the_limit_of_concurrent_password_resets_passes(live_server, mailoutbox):
    UserFactory(username="kari", email="kari@example.org")
    answers = all_at_once(live_server, RESET, [{"email": "kari@example.org"}] * 25)
    assert statuses(answers) == [302] * LIMIT + [429] * (25 - LIMIT)
    assert len(mailoutbox) == LIMIT


def test_concurrent_registrations_with_one_address_make_one_account(live_server, settings, mailoutbox):
    settings.ACCOUNTS_RATE_LIMITS = {**settings.ACCOUNTS_RATE_LIMITS, "register": (100, 3600)}
    forms = [registration(n, email="nora@example.org") for n in range(12)]
    answers = all_at_once(live_server, REGISTER, forms)
    assert statuses(answers) == [302] * 12  # every visitor is told the same
    [user] = User.objects.filter(email__iexact="nora@example.org")
    assert user.registration.is_pending
    # One activation mail; the other eleven tell the owner the address has an account.
    assert all(message.to == ["nora@example.org"] for message in mailoutbox)
    subjects = sorted(message.subject for message in mailoutbox)
    assert subjects == sorted([text("Activate your account at the Asker planning portal")]
                              + [text("You already have an account at the Asker planning portal")] * 11)

def test_concurrent_registrations_with_one_username_make_one_account_and_no_error(live_server, settings, mailoutbox):
    settings.ACCOUNTS_RATE_LIMITS = {**settings.ACCOUNTS_RATE_LIMITS, "register": (100, 3600)}
    # Case variants too: the form refuses "Nora" once "nora" exists, but the database would not.
    forms = [registration(n, username="nora" if n % 2 else "Nora") for n in range(12)]
    answers = all_at_once(live_server, REGISTER, forms)
    assert statuses(answers) == [200] * 11 + [302]  # never a 500
    assert User.objects.filter(username__iexact="nora").count() == 1
    assert all('href="#id_username"' in page for status, page in answers if status == 200)
    assert len(mailoutbox) == 1
