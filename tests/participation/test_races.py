"""Concurrent requests against a live server (real threads, real PostgreSQL connections, one
session each): the rate limit and the duplicate check hold when posts arrive at once. Counted
in the cache, 20 concurrent comments once stored 15 against a limit of 5, and 5 identical posts
stored 4."""

import http.client
import re
import threading
import time
import urllib.parse
from http.cookies import SimpleCookie

import pytest
from django.conf import settings as django_settings
from django.test import Client

from participation.models import Comment
from tests.factories import ConsultationFactory, UserFactory

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


class Browser:
    """One visitor: a signed-in session of its own and the CSRF token that goes with it."""

    def __init__(self, live_server, user):
        self.address = urllib.parse.urlsplit(live_server.url)
        client = Client()
        client.force_login(user)
        self.cookies = {django_settings.SESSION_COOKIE_NAME: client.cookies[django_settings.SESSION_COOKIE_NAME].value}
        self.token = None

    def request(self, method, path, form=None):
        connection = http.client.HTTPConnection(self.address.hostname, self.address.port, timeout=60)
        headers = {"Cookie": "; ".join(f"{name}={value}" for name, value in self.cookies.items())}
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            html = response.read().decode()
            for value in response.headers.get_all("Set-Cookie") or []:
                self.cookies.update({name: morsel.value for name, morsel in SimpleCookie(value).items()})
            return response.status, html
        finally:
            connection.close()

    def open(self, path):
        status, html = self.request("GET", path)
        assert status == 200
        self.token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)

    def post(self, path, form):
        return self.request("POST", path, {**form, "csrfmiddlewaretoken": self.token})[0]


def all_at_once(browsers, path, forms):
    """Send every browser's post at the same moment; the answers' status codes."""
    start = threading.Barrier(len(browsers))
    answers = [None] * len(browsers)

    def send(i):
        start.wait()
        try:
            answers[i] = browsers[i].post(path, forms[i])
        except Exception as exc:  # a dropped connection is an answer too, and a failure
            answers[i] = repr(exc)

    threads = [threading.Thread(target=send, args=(i,)) for i in range(len(browsers))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return answers


def outside_the_end_of_a_window(period, margin=15):
    # Fixed windows: a window that ends during the test would let a second batch through.
    left = period - time.time() % period
    if left < margin:
        time.sleep(left + 0.5)


@pytest.fixture
def open_consultation(db):
    return ConsultationFactory(slug="samtidig", moderation="pre")


def test_twenty_concurrent_comments_against_a_limit_of_five_store_five(live_server, settings, open_consultation):
    settings.COMMENT_RATE_LIMITS = [(3600, 5)]
    kari = UserFactory(username="kari")
    browsers = [Browser(live_server, kari) for _ in range(20)]
    for browser in browsers:
        browser.open(open_consultation.get_absolute_url())
    outside_the_end_of_a_window(3600)
    answers = all_at_once(browsers, f"{open_consultation.get_absolute_url()}kommenter/",
                          [{"text": f"Kommentar nummer {i}"} for i in range(20)])
    assert sorted(answers, key=str) == [302] * 5 + [400] * 15
    assert Comment.objects.filter(author=kari).count() == 5


def test_five_identical_concurrent_posts_store_one(live_server, open_consultation):
    kari = UserFactory(username="kari")
    browsers = [Browser(live_server, kari) for _ in range(5)]
    for browser in browsers:
        browser.open(open_consultation.get_absolute_url())
    answers = all_at_once(browsers, f"{open_consultation.get_absolute_url()}kommenter/",
                          [{"text": "Akkurat samme tekst"}] * 5)
    assert sorted(answers, key=str) == [302] + [400] * 4
    assert Comment.objects.filter(author=kari, text="Akkurat samme tekst").count() == 1
