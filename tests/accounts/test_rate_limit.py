"""The forms that send e-mail to an address typed in (registration, password reset) take at most
10 submissions per IP address per hour, counted in Django's cache."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from accounts import ratelimit, tasks
from accounts.models import RateCounter
from tests.accounts.helpers import STRONG_PASSWORD, html, text

pytestmark = pytest.mark.django_db

User = get_user_model()
LIMIT = 10


def registration(n):
    return {"username": f"person{n}", "email": f"person{n}@example.org",
            "password1": STRONG_PASSWORD, "password2": STRONG_PASSWORD}


def test_registration_is_limited_per_ip_address(client, mailoutbox):
    for n in range(LIMIT):
        assert client.post("/konto/registrer/", registration(n)).status_code == 302
    response = client.post("/konto/registrer/", registration(99))
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 3600
    page = html(response)
    assert text("Too many attempts") in page
    assert not User.objects.filter(username="person99").exists()
    assert User.objects.count() == LIMIT and len(mailoutbox) == LIMIT
    # Showing the form is not limited, and another address can still register.
    assert client.get("/konto/registrer/").status_code == 200
    other = Client(REMOTE_ADDR="192.0.2.8")
    assert other.post("/konto/registrer/", registration(100)).status_code == 302


def test_failed_attempts_count_too(client, mailoutbox):
    for _ in range(LIMIT):
        assert client.post("/konto/registrer/", {}).status_code == 200
    assert client.post("/konto/registrer/", registration(1)).status_code == 429
    assert User.objects.count() == 0 and mailoutbox == []


def test_the_message_is_in_the_visitors_language(client):
    for _ in range(LIMIT):
        client.post("/en/konto/registrer/", {})
    response = client.post("/en/konto/registrer/", {})
    assert response.status_code == 429
    assert "Too many attempts" in html(response) and '<html lang="en">' in html(response)


def test_password_reset_is_limited_per_ip_address(client, resident, mailoutbox):
    for _ in range(LIMIT):
        assert client.post("/konto/passord/", {"email": "kari@example.org"}).status_code == 302
    response = client.post("/konto/passord/", {"email": "kari@example.org"})
    assert response.status_code == 429
    assert len(mailoutbox) == LIMIT


def test_the_limit_holds_without_redis(client, settings, mailoutbox):
    # The counts live in the database, so a dead cache neither stops nor frees anyone.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                   "LOCATION": "redis://127.0.0.1:1/0"}}
    for n in range(LIMIT):
        assert client.post("/konto/registrer/", registration(n)).status_code == 302
    assert client.post("/konto/registrer/", registration(99)).status_code == 429
    assert User.objects.count() == LIMIT


def test_expired_windows_are_deleted():
    ratelimit.hit("test", "ip", 2, 60, now=1000.0)  # its window ends at 1020
    ratelimit.hit("test", "ip", 2, 60, now=5000.0)  # and this one at 5040
    assert ratelimit.delete_expired(now=2000.0) == 1
    assert RateCounter.objects.count() == 1
    assert ratelimit.delete_expired(now=6000.0) == 1
    assert RateCounter.objects.count() == 0


def test_the_hourly_task_deletes_the_windows_that_are_over():
    ratelimit.hit("test", "ip", 2, 60, now=1000.0)
    ratelimit.hit("test", "other", 2, 60)  # now: still running
    assert tasks.delete_expired_rate_counters.delay().get() == 1
    assert RateCounter.objects.count() == 1


def test_the_window_resets():
    start = 60 * 16_667 + 20.0  # 20 s into a one-minute window
    waits = [ratelimit.hit("test", "ip", 2, 60, now=start) for _ in range(3)]
    assert waits[:2] == [0, 0] and waits[2] == 41  # the rest of the window, rounded up
    assert ratelimit.hit("test", "ip", 2, 60, now=start + 40) == 0  # the next window
