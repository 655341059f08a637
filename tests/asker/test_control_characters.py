"""A NUL byte (or another control character) anywhere in a request is refused with a 400 page
in the visitor's language, before a view or a query runs: PostgreSQL refuses such text (a 500)
where SQLite would store it. These run on PostGIS."""

import pytest

pytestmark = pytest.mark.django_db

# Every kind of place a character can come in: path, query key, query value, form field.
GETS = [
    "/kart/prosjekter.geojson?centre=%00",
    "/kart/sentre.geojson?centre=%00",
    "/kart/grense.geojson?bbox=%00",
    "/medvirkning/?senter=%00",
    "/planer/%00/",
    "/steder/%00/",
    "/prosjekter/?q%00=1",
    "/prosjekter/?min_dwellings=%00",
    "/prosjekter/?developer=a%01b",
    "/en/planer/?type=%7f",
]


@pytest.mark.parametrize("url", GETS)
def test_control_characters_in_a_get_are_refused(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "The request could not be read" in response.content.decode() or \
        "Forespørselen kunne ikke leses" in response.content.decode()


def test_the_message_is_in_the_visitors_language(client):
    nb = client.get("/planer/?type=%00").content.decode()
    en = client.get("/en/planer/?type=%00").content.decode()
    assert 'lang="nb"' in nb and "Forespørselen kunne ikke leses" in nb
    assert 'lang="en"' in en and "The request could not be read" in en


def test_a_nul_in_a_form_field_is_refused(client, django_user_model):
    response = client.post("/konto/logg-inn/", {"username": "ola\x00", "password": "x"})
    assert response.status_code == 400


def test_line_breaks_and_tabs_in_values_pass():
    from django.http import QueryDict

    from asker.middleware import _bad

    assert not _bad(QueryDict("text=first%0D%0Asecond%09third"))
    assert _bad(QueryDict("text=first%00"))
