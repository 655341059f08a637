"""Security headers on public pages, planner pages and the admin: a Content Security Policy
without 'unsafe-inline' whose nonce reaches django-leaflet's inline scripts, Referrer-Policy,
X-Content-Type-Options, Permissions-Policy, and `Cache-Control: private` for anyone signed in."""

import re

import pytest

from asker import roles
from tests.factories import user_with_role
from tests.places.conftest import asker, heggedal, sentrum, world  # noqa: F401  (shared fixtures)

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = ["/", "/prosjekter/", "/steder/", "/planer/", "/medvirkning/", "/konto/logg-inn/", "/en/"]


def policy(response):
    """The Content-Security-Policy as {directive: [sources]}."""
    header = response.headers.get("Content-Security-Policy")
    assert header, f"no Content-Security-Policy on {response.request['PATH_INFO']}"
    directives = {}
    for part in header.split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def nonces_in(html):
    return re.findall(r'<script[^>]*\snonce="([^"]*)"', html)


def assert_strict_policy(response):
    directives = policy(response)
    for directive in ("script-src", "style-src"):
        assert "'unsafe-inline'" not in directives[directive], directives
        assert "'unsafe-eval'" not in directives[directive], directives
    assert directives["default-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    # Base map tiles from BASEMAP_URL's host (Kartverket by default).
    assert "https://cache.kartverket.no" in directives["img-src"]
    return directives


def assert_other_headers(response):
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    permissions = response["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment"):
        assert f"{feature}=()" in permissions


def assert_private(response):
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert "private" in cache_control and "public" not in cache_control, response["Cache-Control"]
    assert "cookie" in response["Vary"].lower(), response.get("Vary")


def assert_nonce_reaches_the_scripts(response):
    """Each inline script carries the nonce that the header allows, never nonce="None"."""
    html = response.content.decode()
    found = nonces_in(html)
    assert found, "the page has no inline script with a nonce"
    assert 'nonce="None"' not in html and 'nonce=""' not in html
    allowed = [s for s in policy(response)["script-src"] if s.startswith("'nonce-")]
    assert len(allowed) == 1, policy(response)["script-src"]
    assert {f"'nonce-{n}'" for n in found} == set(allowed)


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_send_a_strict_policy_and_the_other_headers(client, world, path):
    response = client.get(path)
    assert response.status_code == 200
    directives = assert_strict_policy(response)
    assert_other_headers(response)
    # No inline script on a public page, so no nonce is handed out.
    assert not nonces_in(response.content.decode())
    assert not any(s.startswith("'nonce-") for s in directives["script-src"])


def test_public_pages_for_a_signed_in_resident_are_private(client, world):
    client.force_login(user_with_role(roles.RESIDENT))
    for path in PUBLIC_PAGES[:5]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert_private(response)
        assert_strict_policy(response)


def test_map_data_for_a_planner_stays_private_and_unstored(client, world):
    client.force_login(user_with_role(roles.PLANNER))
    response = client.get("/kart/prosjekter.geojson")
    assert response.status_code == 200
    assert_private(response)
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("path", [
    "/planlegger/",
    "/planlegger/prosjekter/ny/",
    "/planlegger/prosjekter/{torg}/",
    "/planlegger/prosjekter/{secret}/",
    "/planlegger/planer/{plan}/",
])
def test_planner_pages_are_private_and_the_map_widget_gets_the_nonce(client, world, path):
    client.force_login(user_with_role(roles.PLANNER))
    response = client.get(path.format(torg=world["torg"].slug, secret=world["secret"].slug, plan=world["plan"].pk))
    assert response.status_code == 200
    assert_private(response)
    assert_strict_policy(response)
    assert_other_headers(response)
    if path != "/planlegger/":
        assert_nonce_reaches_the_scripts(response)


def test_every_response_gets_its_own_nonce(client, world):
    client.force_login(user_with_role(roles.PLANNER))
    first = nonces_in(client.get("/planlegger/prosjekter/ny/").content.decode())
    second = nonces_in(client.get("/planlegger/prosjekter/ny/").content.decode())
    assert first and second and set(first).isdisjoint(second)


@pytest.mark.parametrize("path", ["/admin/", "/admin/places/developmentproject/", "/admin/places/developmentproject/{torg}/change/",
                                  "/admin/places/developmentproject/add/"])
def test_admin_pages_are_private_strict_and_the_map_widget_gets_the_nonce(client, world, path):
    client.force_login(user_with_role("superuser"))
    response = client.get(path.format(torg=world["torg"].pk))
    assert response.status_code == 200
    assert_private(response)
    assert_strict_policy(response)
    assert_other_headers(response)
    if "change" in path or "add" in path:
        assert_nonce_reaches_the_scripts(response)


def test_static_files_stay_cacheable_for_everyone(client, world):
    """The private rule is for pages rendered for someone, not for our CSS and JavaScript."""
    client.force_login(user_with_role(roles.PLANNER))
    response = client.get("/static/css/site.css")
    assert response.status_code == 200
    assert "private" not in response.get("Cache-Control", "")
