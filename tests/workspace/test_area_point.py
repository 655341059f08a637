"""The map point that follows a drawn or uploaded area is computed in one place
(DevelopmentProject.area_fields): the form, the upload and the demo loader agree."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from places.models import DevelopmentProject
from tests.places.test_area import U_SHAPE
from tests.workspace.helpers import edit_data, project_data

pytestmark = pytest.mark.django_db


def expected_point():
    return DevelopmentProject.area_fields(U_SHAPE)["location"]


def test_drawn_area_in_the_form(planner_client, world):
    response = planner_client.post("/planlegger/prosjekter/ny/",
                                   project_data(world["heggedal"], name="U-tomt", geometry=U_SHAPE.json))
    assert response.status_code == 302
    project = DevelopmentProject.objects.get(name="U-tomt")
    assert project.location.equals_exact(expected_point(), 1e-9) and U_SHAPE.contains(project.location)


def test_removing_the_drawn_area_puts_the_point_at_the_centre(planner_client, world):
    project = world["hage"]
    response = planner_client.post(f"/planlegger/prosjekter/{project.slug}/", edit_data(project, geometry=""))
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.geometry is None and project.location == world["heggedal"].location
    assert project.location_approximate


def test_uploaded_area(planner_client, world):
    project = world["hage"]
    body = json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {}, "geometry": json.loads(U_SHAPE.json)}]}).encode()
    upload = SimpleUploadedFile("u.geojson", body, content_type="application/geo+json")
    assert planner_client.post(f"/planlegger/prosjekter/{project.slug}/last-opp/", {"file": upload}).status_code == 200
    response = planner_client.post(f"/planlegger/prosjekter/{project.slug}/last-opp/velg/", {"features": ["0"]})
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.location.equals_exact(expected_point(), 1e-7) and U_SHAPE.contains(project.location)
    assert not project.location_approximate
