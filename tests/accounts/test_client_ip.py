"""The address the throttle and the rate limits count: REMOTE_ADDR unless proxies are trusted,
and then only the part of X-Forwarded-For that the trusted proxies wrote."""

import pytest
from django.test import RequestFactory

from accounts.ip import client_ip

SPOOFED = "203.0.113.66"


def request(forwarded=None):
    extra = {"REMOTE_ADDR": "10.0.0.1"}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


@pytest.mark.parametrize("forwarded", [None, SPOOFED, f"{SPOOFED}, 198.51.100.4"])
def test_without_trusted_proxies_x_forwarded_for_is_ignored(settings, forwarded):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request(forwarded)) == "10.0.0.1"


@pytest.mark.parametrize(
    "count, forwarded, expected",
    [
        (1, "198.51.100.4", "198.51.100.4"),
        (1, f"{SPOOFED}, 198.51.100.4", "198.51.100.4"),  # what the client wrote is not believed
        (2, f"{SPOOFED}, 198.51.100.4, 10.0.0.9", "198.51.100.4"),
        (1, " 198.51.100.4 ,", "198.51.100.4"),
        (2, "198.51.100.4", "10.0.0.1"),  # fewer entries than proxies: misconfigured, use the peer
        (1, None, "10.0.0.1"),
    ],
)
def test_behind_trusted_proxies_their_entry_is_used(settings, count, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = count
    assert client_ip(request(forwarded)) == expected


@pytest.mark.django_db
def test_the_sign_in_throttle_counts_the_address_behind_the_proxy(client, settings, resident):
    from axes.models import AccessAttempt

    settings.TRUSTED_PROXY_COUNT = 1
    for _ in range(5):
        client.post("/konto/logg-inn/", {"username": "kari", "password": "wrong"},
                    HTTP_X_FORWARDED_FOR=f"{SPOOFED}, 198.51.100.4")
    assert AccessAttempt.objects.get().ip_address == "198.51.100.4"
    # Another visitor through the same proxy can still sign in.
    response = client.post("/konto/logg-inn/", {"username": "kari", "password": "asker-demo"},
                           HTTP_X_FORWARDED_FOR="198.51.100.5")
    assert response.status_code == 302
