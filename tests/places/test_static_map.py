"""The map drawn on the server (/kart/bilde.svg): what a map box shows without JavaScript."""

import xml.etree.ElementTree as ET

import pytest
from django.contrib.gis.geos import Point
from django.test import override_settings

from asker import roles
from places.models import Centre
from tests.factories import CentreFactory, PhaseFactory, ProjectFactory, UserFactory, small_square

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"


def drawing(client, query=""):
    response = client.get("/kart/bilde.svg" + query)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "image/svg+xml; charset=utf-8"
    return response, ET.fromstring(response.content)  # well-formed XML, or this fails


def project_dots(svg):
    # Centres are squares or white rings; projects are filled dots in their status colour.
    return [c for c in svg.iter(SVG + "circle") if c.get("fill") != "#ffffff"]


def texts(svg):
    return [t.text for t in svg.iter(SVG + "text")]


def test_the_municipality_with_boundary_centres_by_level_and_projects_by_status(client, world):
    CentreFactory(municipality=world["heggedal"].municipality, name="Hallenskog", slug="hallenskog",
                  level=Centre.Level.NAERSENTER, parent=world["heggedal"], location=Point(10.47, 59.79, srid=4326))
    response, svg = drawing(client)
    assert svg.find(SVG + "title").text == (
        "Kart over Asker: kommunegrensen, sentrene og utbyggingsprosjektene"
    )
    assert len(list(svg.iter(SVG + "path"))) >= 1  # the boundary
    # The municipal and local centres are named at this scale; the nærsenter is only a ring.
    assert sorted(texts(svg)) == ["Asker sentrum", "Heggedal"]
    assert [c.get("fill") for c in svg.iter(SVG + "circle") if c.get("fill") == "#ffffff"] == ["#ffffff"]
    assert len(list(svg.iter(SVG + "rect"))) == 1 + 2  # the background, and a square for each
    # The two public projects in their status colours; the confidential one is not drawn.
    assert sorted(c.get("fill") for c in project_dots(svg)) == ["#0a6ebd", "#b35900"]
    # Tall and narrow like the box in the factory, at most 640 pixels on its long side.
    width, height = int(svg.get("width")), int(svg.get("height"))
    assert height == 640 and 250 < width < 500


def test_confidential_projects_only_for_those_who_may_see_them(client, world):
    _, svg = drawing(client)
    assert len(project_dots(svg)) == 2
    assert client.get("/kart/bilde.svg?project=hemmelig-tomt").status_code == 404

    client.force_login(UserFactory(role=roles.PLANNER))
    response, svg = drawing(client)
    assert len(project_dots(svg)) == 3
    assert response["Cache-Control"] == "private, no-store"
    drawing(client, "?project=hemmelig-tomt")


def test_a_centre_drawn_with_its_surroundings_and_itself_highlighted(client, world):
    CentreFactory(municipality=world["heggedal"].municipality, name="Hallenskog", slug="hallenskog",
                  level=Centre.Level.NAERSENTER, parent=world["heggedal"], location=Point(10.47, 59.79, srid=4326))
    _, svg = drawing(client, "?centre=heggedal")
    assert "Kart over Heggedal" in svg.find(SVG + "title").text
    labels = {t.text: t for t in svg.iter(SVG + "text")}
    # Close in, every centre is named; the page's own centre in bold. Asker sentrum is 5 km off.
    assert sorted(labels) == ["Hallenskog", "Heggedal"]
    assert labels["Heggedal"].get("font-weight") == "700"
    assert labels["Hallenskog"].get("font-weight") is None


def test_a_project_drawn_with_its_area_and_its_centre(client, world):
    torg = world["torg"]
    torg.geometry = small_square(10.448, 59.786, 0.004)
    torg.location = Point(10.45, 59.787, srid=4326)
    torg.save()
    _, svg = drawing(client, "?project=heggedal-torg")
    assert "Kart over Heggedal torg" in svg.find(SVG + "title").text
    assert "Heggedal" in texts(svg)
    areas = [p for p in svg.iter(SVG + "path") if p.get("fill") == "#b35900"]
    assert [a.get("stroke-width") for a in areas] == ["4"]  # its own area, drawn strongest


def test_names_are_escaped(client, world):
    CentreFactory(municipality=world["heggedal"].municipality, name='<script>Ås & "Co"',
                  slug="skummel", level=Centre.Level.LOKALSENTER, location=Point(10.46, 59.70, srid=4326))
    response, svg = drawing(client)
    assert b"<script>" not in response.content
    assert '<script>Ås & "Co"' in texts(svg)


def test_english_title_on_english_pages(client, world):
    response = client.get("/en/kart/bilde.svg")
    assert response.status_code == 200
    title = ET.fromstring(response.content).find(SVG + "title").text
    assert title == "Map of Asker: the municipal boundary, centres and development projects"


def test_cacheable_with_an_etag(client, world):
    response, _ = drawing(client)
    assert response["Cache-Control"] == "public, no-cache"
    assert "Cookie" in response["Vary"]
    again = client.get("/kart/bilde.svg", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304 and again.content == b""


@pytest.mark.parametrize(
    ("query", "status", "message"),
    [("?bbox=1,2,3", 400, "bbox må være fire tall"), ("?bbox=11,59,10,60", 400, "bbox ligger utenfor jorden"),
     ("?bbox=-170,-80,-160,-70", 400, "utenfor området kartet dekker"), ("?centre=atlantis", 404, ""),
     ("?project=finnes-ikke", 404, "")],
)
def test_bad_parameters_get_a_clear_answer_and_no_server_error(client, world, query, status, message):
    response = client.get("/kart/bilde.svg" + query)
    assert response.status_code == status
    assert message in response.content.decode()


def test_a_bbox_inside_norway_is_drawn(client, world):
    _, svg = drawing(client, "?bbox=10.40,59.75,10.50,59.85")
    assert "det valgte området" in svg.find(SVG + "title").text
    assert len(project_dots(svg)) == 2


def test_the_drawing_is_bounded_by_the_feature_cap(client, world):
    for _ in range(5):
        ProjectFactory(centre=world["heggedal"], municipality=world["heggedal"].municipality)
    with override_settings(MAP_MAX_FEATURES=3):
        _, svg = drawing(client)
    assert len(project_dots(svg)) == 3


@pytest.mark.parametrize("count", [5, 200])
@pytest.mark.parametrize("query", ["", "?centre=heggedal", "?project=heggedal-torg", "?bbox=10.3,59.6,10.6,59.9"])
def test_query_count_is_constant(client, world, count, query, django_assert_max_num_queries):
    for _ in range(count):
        project = ProjectFactory(centre=world["heggedal"], municipality=world["heggedal"].municipality,
                                 location=Point(10.451, 59.784, srid=4326), geometry=small_square(10.45, 59.783))
        PhaseFactory(project=project, number=1, dwellings=100)
    # The place (or municipality), the boundary, the centres and the projects: one query each.
    with django_assert_max_num_queries(4):
        response = client.get("/kart/bilde.svg" + query)
    assert response.status_code == 200
    assert len(project_dots(ET.fromstring(response.content))) >= count
