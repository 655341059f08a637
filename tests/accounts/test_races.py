"""Concurrent requests against a live server: the rate limits and the registration checks hold
when many requests arrive at once, not only one after another.

Each visitor has its own session and CSRF token, fetches the form first, then all send at the
same moment (a barrier). The live server answers each request in a thread of its own, with its
own database connection, as a production server with several workers would.
"""

import re
import threading
from concurrent.futures import ThreadPoolExecutor
from http.cookiejar import CookieJar
from urllib.error import HTTPError
from urllib.parse import urlencode
from urllib.request import HTTPCookieProcessor, HTTPRedirectHandler, Request, build_opener

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


class _NoRedirect(HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a 302 is an answer to look at, not to follow


class Visitor:
    """A browser of its own: a cookie jar (session and CSRF cookie) and the form's token."""

    def __init__(self, base_url):
        self.base_url = base_url
        self.opener = build_opener(HTTPCookieProcessor(CookieJar()), _NoRedirect)
        self.token = None

    def open_form(self, path):
        with self.opener.open(self.base_url + path, timeout=30) as response:
            page = response.read().decode()
        self.token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)

    def send(self, path, data):
        """POST the form; the status code and the page."""
        body = urlencode({**data, "csrfmiddlewaretoken": self.token}).encode()
        try:
            with self.opener.open(Request(self.base_url + path, data=body), timeout=60) as response:
                return response.status, response.read().decode()
        except HTTPError as error:  # 3xx (not followed), 4xx, 5xx
            return error.code, error.read().decode()


def all_at_once(live_server, path, forms):
    """Send each form from its own visitor, all at the same moment; the answers, in order."""
    visitors = [Visitor(live_server.url) for _ in forms]
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
