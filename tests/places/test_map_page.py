"""The map box in a page's HTML: translated words for the script, hidden until the script draws
the map, and the server's drawing for browsers without JavaScript."""

import json
import re
from html import unescape

import pytest

pytestmark = pytest.mark.django_db


def map_element(html):
    match = re.search(r'<div id="map" class="map"[^>]*>', html)
    assert match, "no map element"
    return match.group(0)


def attribute(element, name):
    return unescape(re.search(rf'{name}="([^"]*)"', element).group(1))


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [("", {"zoom_in": "Zoom inn", "zoom_out": "Zoom ut", "close": "Lukk", "dwellings_one": "%(n)s bolig",
           "dwellings_other": "%(n)s boliger", "dwellings_unknown": "Antall boliger: ukjent",
           "years": "År %(first)s–%(last)s", "cluster_more": "og %(n)s til"}),
     ("/en", {"zoom_in": "Zoom in", "zoom_out": "Zoom out", "close": "Close", "dwellings_one": "%(n)s dwelling",
              "dwellings_other": "%(n)s dwellings", "dwellings_unknown": "Number of dwellings: unknown",
              "years": "Years %(first)s–%(last)s", "cluster_more": "and %(n)s more"})],
)
def test_the_maps_words_come_translated_in_a_data_attribute(client, world, prefix, expected):
    response = client.get(prefix + "/")
    assert response.status_code == 200
    texts = json.loads(attribute(map_element(response.content.decode()), "data-texts"))
    assert {key: texts[key] for key in expected} == expected
    assert texts["cluster"].count("%(count)s") == 1 and texts["cluster"].count("%(names)s") == 1


@pytest.mark.parametrize(
    ("path", "image"),
    [("/", "/kart/bilde.svg"), ("/steder/heggedal/", "/kart/bilde.svg?centre=heggedal"),
     ("/prosjekter/heggedal-torg/", "/kart/bilde.svg?project=heggedal-torg")],
)
def test_map_and_note_wait_for_the_script_and_the_drawing_is_there_without_it(client, world, path, image):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert " hidden" in map_element(html)
    assert '<p class="map-note" hidden>' in html
    noscript = re.search(r"<noscript>(.*?)</noscript>", html, re.S).group(1)
    assert f'src="{image}"' in noscript


def test_centre_and_project_maps_ask_for_the_boundary_and_the_centres(client, world):
    centre = map_element(client.get("/steder/heggedal/").content.decode())
    assert attribute(centre, "data-layers") == "grense,sentre,prosjekter"
    assert attribute(centre, "data-highlight") == "/steder/heggedal/"
    project = map_element(client.get("/prosjekter/heggedal-torg/").content.decode())
    assert attribute(project, "data-layers") == "grense,sentre"
    # The project's centre is in the first view.
    assert attribute(project, "data-include") == "59.783000,10.450000"


def test_a_confidential_projects_drawing_is_not_offered_to_the_public(client, world):
    assert client.get("/prosjekter/hemmelig-tomt/").status_code == 404
    assert client.get("/kart/bilde.svg?project=hemmelig-tomt").status_code == 404
