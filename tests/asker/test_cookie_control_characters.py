"""A cookie with a control character in its name or value is dropped before the session reads
it: the visitor is simply signed out, with neither a 500 (PostgreSQL refuses a NUL in the
session key) nor a 400 on every page. Django decodes octal escapes in a quoted cookie value, so
`"\\000"` on the wire is a NUL once parsed. These run on PostGIS."""

import http.client

import pytest

from asker import roles
from tests.factories import user_with_role

pytestmark = pytest.mark.django_db

NUL_SESSION = 'sessionid="\\000' + "a" * 40 + '"'


def test_a_nul_in_the_session_cookie_gives_no_session(client):
    response = client.get("/", HTTP_COOKIE=NUL_SESSION)
    assert response.status_code == 200
    assert not response.wsgi_request.user.is_authenticated
    # The browser is told to forget it, so it is not sent again.
    deleted = response.cookies["sessionid"]
    assert deleted.value == "" and deleted["max-age"] == 0


@pytest.mark.parametrize("cookie", [
    'sessionid="abcdefgh\\000ijklmnop"',
    'sessionid="abc\\001def"',
    'django_language="nb\\000"',
    'csrftoken="\\000abc"',
    'tracker="\\177"',
])
def test_every_page_answers_with_such_a_cookie(client, cookie):
    for url in ("/", "/prosjekter/", "/en/planer/", "/konto/logg-inn/"):
        assert client.get(url, HTTP_COOKIE=cookie).status_code == 200, url


def test_the_other_cookies_still_count(client):
    """A bad cookie beside a good session leaves the visitor signed in."""
    client.force_login(user_with_role(roles.RESIDENT))
    session = client.cookies["sessionid"].value
    response = client.get("/konto/", HTTP_COOKIE=f'tracker="\\000x"; sessionid={session}')
    assert response.status_code == 200
    assert response.wsgi_request.user.is_authenticated
    assert response.cookies["tracker"]["max-age"] == 0
    assert "sessionid" not in response.cookies


def test_signing_in_with_such_a_cookie_gives_a_new_session(client):
    user = user_with_role(roles.RESIDENT)
    user.set_password("Vanskelig-passord-42")
    user.save()
    response = client.post("/konto/logg-inn/", {"username": user.username, "password": "Vanskelig-passord-42"},
                           HTTP_COOKIE=NUL_SESSION)
    assert response.status_code == 302
    # The new session is set, not deleted by the cookie check.
    assert response.cookies["sessionid"].value and response.cookies["sessionid"]["max-age"] != 0


def _get(live_server, cookie):
    host, port = live_server.thread.host, live_server.thread.port
    connection = http.client.HTTPConnection(host, port, timeout=20)
    try:
        # The quoted cookie exactly as a browser would send its bytes: printable on the wire.
        connection.putrequest("GET", "/")
        connection.putheader("Cookie", cookie.encode("ascii"))
        connection.endheaders()
        response = connection.getresponse()
        return response.status, response.getheader("Set-Cookie") or ""
    finally:
        connection.close()


def test_through_a_real_server(live_server, transactional_db):
    status, set_cookie = _get(live_server, NUL_SESSION)
    assert status == 200
    assert set_cookie.startswith('sessionid=""') and "Max-Age=0" in set_cookie
    # And again, as a browser that has not yet forgotten it would.
    assert _get(live_server, NUL_SESSION)[0] == 200
