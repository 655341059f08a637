"""Public pages and map data send an ETag and answer 304 while nothing changed; the validator is
keyed by the content, the audience and the language, never shared between the public and a
planner; pages with a form or a message, and signed-in HTML pages, are neither stored nor
validated (asker/pagecache.py)."""

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpRequest

from asker import roles
from tests.factories import ConsultationFactory, UserFactory
from tests.places.conftest import asker, heggedal, sentrum, world  # noqa: F401  (shared fixtures)

BBOX = "bbox=10.2,59.5,10.8,59.95"
PUBLIC = [
    "/", "/en/", "/steder/", "/steder/heggedal/", "/prosjekter/", "/prosjekter/?status=planning",
    "/prosjekter/heggedal-torg/", "/planer/", "/planer/3203201901/", "/medvirkning/",
    "/medvirkning/heggedal-sentrum/", "/personvern/", "/kart/bilde.svg",
    f"/kart/prosjekter.geojson?{BBOX}&zoom=10", f"/kart/prosjekter.geojson?{BBOX}&zoom=15",
    f"/kart/sentre.geojson?{BBOX}", f"/kart/grense.geojson?{BBOX}",
]


@pytest.fixture
def site(world):
    ConsultationFactory(municipality=world["heggedal"].municipality, plan=world["plan"], slug="heggedal-sentrum")
    return world


@pytest.mark.parametrize("path", PUBLIC)
def test_a_public_page_answers_304_until_something_changes(client, site, path, django_assert_max_num_queries):
    first = client.get(path)
    assert first.status_code == 200
    etag = first["ETag"]
    assert "no-cache" in first["Cache-Control"]
    with django_assert_max_num_queries(0):
        again = client.get(path, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b"" and again["ETag"] == etag
    site["hage"].name = "Heggedal hage II"
    site["hage"].save()
    changed = client.get(path, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag


def test_the_etag_differs_by_language(client, site):
    assert client.get("/prosjekter/")["ETag"] != client.get("/en/prosjekter/")["ETag"]
    english = client.get("/en/prosjekter/", HTTP_IF_NONE_MATCH=client.get("/prosjekter/")["ETag"])
    assert english.status_code == 200 and 'lang="en"' in english.content.decode()


@pytest.mark.parametrize("layer", ["prosjekter", "sentre"])
def test_map_data_is_validated_per_role(client, site, layer):
    path = f"/kart/{layer}.geojson?{BBOX}&zoom=15"
    public = client.get(path)
    assert "Hemmelig tomt" not in public.content.decode()
    client.force_login(UserFactory(username="plan", role=roles.PLANNER))
    planner = client.get(path, HTTP_IF_NONE_MATCH=public["ETag"])
    assert planner.status_code == 200 and planner["ETag"] != public["ETag"]
    assert ("Hemmelig tomt" in planner.content.decode()) == (layer == "prosjekter")
    assert client.get(path, HTTP_IF_NONE_MATCH=planner["ETag"]).status_code == 304
    assert "no-store" in planner["Cache-Control"]  # never kept by a shared cache
    client.logout()
    again = client.get(path, HTTP_IF_NONE_MATCH=planner["ETag"])
    assert again.status_code == 200 and "Hemmelig tomt" not in again.content.decode()


def test_a_planner_never_gets_the_publics_stored_page_nor_the_reverse(client, site):
    public = client.get("/prosjekter/")
    assert "Hemmelig tomt" not in public.content.decode()
    client.force_login(UserFactory(username="plan", role=roles.PLANNER))
    planner = client.get("/prosjekter/", HTTP_IF_NONE_MATCH=public["ETag"])
    assert planner.status_code == 200 and "Hemmelig tomt" in planner.content.decode()
    client.logout()
    assert "Hemmelig tomt" not in client.get("/prosjekter/").content.decode()


@pytest.mark.parametrize("role", [roles.RESIDENT, roles.PLANNER, roles.MODERATOR])
def test_signed_in_html_pages_carry_no_validator(client, site, role):
    """Their header has the user's name and a sign-out form with a CSRF token."""
    client.force_login(UserFactory(username="someone", role=role))
    response = client.get("/prosjekter/")
    assert response.status_code == 200 and not response.has_header("ETag")
    assert client.get("/prosjekter/", HTTP_IF_NONE_MATCH="*").status_code == 200


@pytest.mark.parametrize("path", ["/tilgjengelighet/", "/kontakt/", "/konto/logg-inn/"])
def test_pages_with_a_form_are_neither_stored_nor_validated(client, db, path):
    response = client.get(path)
    assert response.status_code == 200 and not response.has_header("ETag")
    assert "csrfmiddlewaretoken" in response.content.decode()


def _message_cookie(text):
    storage = CookieStorage(HttpRequest())
    return storage._encode([Message(constants.SUCCESS, text)])


def test_a_waiting_message_is_shown_on_a_stored_page(client, site):
    stored = client.get("/")
    client.cookies["messages"] = _message_cookie("Du er logget ut.")
    response = client.get("/", HTTP_IF_NONE_MATCH=stored["ETag"])
    assert response.status_code == 200 and "Du er logget ut." in response.content.decode()
    assert "Du er logget ut." not in client.get("/").content.decode()  # shown once


def test_signing_out_shows_its_message_on_the_stored_map_page(client, site):
    client.get("/")  # stored for the public
    client.force_login(UserFactory(username="kari", role=roles.RESIDENT))
    response = client.post("/konto/logg-ut/", follow=True)
    assert response.status_code == 200 and "Du er logget ut" in response.content.decode()


def test_bad_map_requests_are_not_stored(client, site):
    bad = client.get("/kart/prosjekter.geojson?bbox=1,2,3")
    assert bad.status_code == 400 and not bad.has_header("ETag")
    assert client.get("/kart/prosjekter.geojson?bbox=1,2,3").status_code == 400


@pytest.mark.parametrize("path", ["/", "/en/", "/prosjekter/", "/steder/heggedal/"])
def test_stored_content_is_never_shared_between_roles(client, site, path):
    """Signed-in pages keep their content in the store per set of roles (asker/templatetags/stored.py)."""
    client.force_login(UserFactory(username="plan", role=roles.PLANNER))
    for _ in range(2):
        planner = client.get(path)
        assert planner.status_code == 200 and "Hemmelig tomt" in planner.content.decode()
    client.force_login(UserFactory(username="kari", role=roles.RESIDENT))
    for _ in range(2):
        resident = client.get(path)
        assert resident.status_code == 200 and "Hemmelig tomt" not in resident.content.decode()
        assert "kari" in resident.content.decode()  # the header is the user's own
