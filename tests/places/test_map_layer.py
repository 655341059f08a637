import json

import pytest
from django.test import override_settings

from tests.factories import PhaseFactory, ProjectFactory

pytestmark = pytest.mark.django_db

ASKER = "10.2,59.5,10.8,59.95"


def features(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/geo+json"
    return json.loads(response.content)


def test_projects_are_points_when_zoomed_out_and_areas_when_zoomed_in(client, world):
    far = features(client, f"/kart/prosjekter.geojson?bbox={ASKER}&zoom=10")
    near = features(client, f"/kart/prosjekter.geojson?bbox={ASKER}&zoom=15")
    assert {f["geometry"]["type"] for f in far["features"]} == {"Point"}
    assert {f["geometry"]["type"] for f in near["features"]} == {"MultiPolygon"}
    torg = next(f for f in far["features"] if f["properties"]["name"] == "Heggedal torg")
    assert torg["properties"] == {
        "name": "Heggedal torg", "url": "/prosjekter/heggedal-torg/", "status": "under_construction",
        "status_label": torg["properties"]["status_label"], "dwellings": 139, "confidential": False,
        "first_year": 2019, "last_year": 2024,
    }
    assert torg["geometry"]["coordinates"] == pytest.approx([10.441, 59.831])
    # An area keeps its map point, so the map can give it a marker the keyboard reaches.
    torg_area = next(f for f in near["features"] if f["properties"]["name"] == "Heggedal torg")
    assert torg_area["properties"]["point"] == pytest.approx([10.441, 59.831])
    assert "point" not in torg["properties"]


def test_popup_years_span_the_phases_and_are_empty_without_phases(client, world):
    ProjectFactory(centre=world["heggedal"], municipality=world["heggedal"].municipality, name="Uten faser")
    late = ProjectFactory(centre=world["heggedal"], municipality=world["heggedal"].municipality, name="Sen")
    PhaseFactory(project=late, number=1, dwellings=50, start_year=2030, finish_year=None)
    PhaseFactory(project=late, number=2, dwellings=50, start_year=2027, finish_year=2029)
    data = features(client, f"/kart/prosjekter.geojson?bbox={ASKER}&zoom=10")
    years = {f["properties"]["name"]: (f["properties"]["first_year"], f["properties"]["last_year"])
             for f in data["features"]}
    assert years["Uten faser"] == (None, None)
    assert years["Sen"] == (2027, 2029)
    assert years["Heggedal hage"] == (2028, 2031)
    # The confidential project is not there, nor are its years.
    assert "Hemmelig tomt" not in years


def test_bbox_bounds_the_data(client, world):
    ProjectFactory(centre=world["heggedal"], municipality=world["heggedal"].municipality, name="Tofte",
                   location="SRID=4326;POINT(10.56 59.54)", geometry=None)
    south = features(client, "/kart/prosjekter.geojson?bbox=10.5,59.5,10.6,59.6&zoom=10")
    assert [f["properties"]["name"] for f in south["features"]] == ["Tofte"]


def test_centres_layer_and_its_centre_filter(client, world):
    everything = features(client, f"/kart/sentre.geojson?bbox={ASKER}&zoom=12")
    assert {f["properties"]["name"] for f in everything["features"]} == {"Asker sentrum", "Heggedal"}
    one = features(client, f"/kart/sentre.geojson?bbox={ASKER}&zoom=12&centre=heggedal")
    assert [f["properties"]["name"] for f in one["features"]] == ["Heggedal"]


def test_boundary_layer(client, world):
    data = features(client, f"/kart/grense.geojson?bbox={ASKER}&zoom=9")
    assert data["features"][0]["properties"] == {"name": "Asker", "number": "3203"}


def test_feature_cap_marks_the_answer_truncated(client, world):
    for _ in range(5):
        p = ProjectFactory(centre=world["heggedal"], municipality=world["heggedal"].municipality)
        PhaseFactory(project=p, number=1, dwellings=100)
    with override_settings(MAP_MAX_FEATURES=3):
        data = features(client, f"/kart/prosjekter.geojson?bbox={ASKER}&zoom=10")
    assert len(data["features"]) == 3 and data["truncated"] is True


@pytest.mark.parametrize(
    "query",
    ["bbox=1,2,3", "bbox=a,b,c,d", "bbox=11,59,10,60", "bbox=10,59,11,95", "zoom=abc", "zoom=40",
     "zoom=-1", "centre=atlantis", "bbox=nan,nan,nan,nan"],
)
def test_bad_parameters_give_a_clear_400(client, world, query):
    response = client.get(f"/kart/prosjekter.geojson?{query}")
    assert response.status_code == 400
    assert json.loads(response.content)["error"]


def test_unknown_layer_is_404(client, world):
    assert client.get("/kart/hemmelig.geojson").status_code == 404


@pytest.mark.parametrize("count", [5, 200])
@pytest.mark.parametrize("zoom", [10, 15])
def test_map_data_query_count_is_constant(client, world, count, zoom, django_assert_max_num_queries):
    for _ in range(count):
        project = ProjectFactory(centre=world["heggedal"], municipality=world["heggedal"].municipality)
        PhaseFactory(project=project, number=1, dwellings=50, start_year=2025, finish_year=2027)
        PhaseFactory(project=project, number=2, dwellings=50, start_year=2027, finish_year=2029)
    # One query: the phases' years are aggregated in it, not fetched per project.
    with django_assert_max_num_queries(1):
        response = client.get(f"/kart/prosjekter.geojson?bbox={ASKER}&zoom={zoom}")
    assert response.status_code == 200
    found = json.loads(response.content)["features"]
    assert len(found) >= count
    assert {(f["properties"]["first_year"], f["properties"]["last_year"]) for f in found
            if f["properties"]["name"].startswith("Prosjekt ")} == {(2025, 2029)}
