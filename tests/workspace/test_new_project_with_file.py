"""A new project takes its area from a map file on its first save: one plain area is used at
once; a file that needs a choice (several areas, a repair, a coordinate system to confirm)
leads to the choice page once the project is saved; a bad file creates nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from places.models import DevelopmentProject
from tests.factories import small_square
from tests.places.test_geofile_support import SENTRUM_EXTENT, build, collection, polygon, sentrum_geojson, square
from tests.places.test_geofile_utm_without_crs import without_crs
from tests.workspace.helpers import project_data

pytestmark = pytest.mark.django_db


def create(client, centre, data, name="plan.gpkg", **overrides):
    post = project_data(centre, name="Ny tomt", **overrides)
    if data is not None:
        post["area_file"] = SimpleUploadedFile(name, data, content_type="application/octet-stream")
    return client.post("/planlegger/prosjekter/ny/", post)


def test_one_area_is_used_on_the_first_save(planner_client, world, tmp_path):
    response = create(planner_client, world["heggedal"], build("gpkg", sentrum_geojson(), tmp_path, 25832))
    assert response.status_code == 302
    project = DevelopmentProject.objects.get(name="Ny tomt")
    assert project.geometry.extent == pytest.approx(SENTRUM_EXTENT, abs=1e-6)
    assert project.geometry.contains(project.location) and not project.location_approximate
    assert project.is_confidential
    assert [r.history_type for r in project.history.all()] == ["+"]


@pytest.mark.parametrize("data, message", [
    (b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n", "PDF"),
    (collection(polygon(square(11.5, 60.5))), "utenfor Asker"),
    (b"", "tom"),
])
def test_a_bad_file_creates_nothing(planner_client, world, data, message):
    before = (DevelopmentProject.objects.count(), DevelopmentProject.history.count())
    response = create(planner_client, world["heggedal"], data, name="plan.geojson")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="error-summary"' in html and message in html and 'href="#id_area_file"' in html
    assert (DevelopmentProject.objects.count(), DevelopmentProject.history.count()) == before


def test_a_drawn_area_and_a_file_together_are_refused(planner_client, world, tmp_path):
    before = DevelopmentProject.objects.count()
    response = create(planner_client, world["heggedal"], build("gpkg", sentrum_geojson(), tmp_path),
                      geometry=small_square(10.45, 59.79, 0.002).json)
    assert response.status_code == 400
    assert "ikke begge" in response.content.decode()
    assert DevelopmentProject.objects.count() == before


def test_several_areas_lead_to_the_choice(planner_client, world):
    two = collection(polygon(square(10.45, 59.79), navn="Nord"), polygon(square(10.46, 59.79), navn="Sør"))
    response = create(planner_client, world["heggedal"], two, name="to.geojson")
    assert response.status_code == 200
    assert "Nord" in response.content.decode() and 'name="features"' in response.content.decode()
    project = DevelopmentProject.objects.get(name="Ny tomt")
    assert project.geometry is None  # saved, without an area until the planner chooses
    response = planner_client.post(f"/planlegger/prosjekter/{project.slug}/last-opp/velg/", {"features": ["1"]})
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.geometry.extent[0] == pytest.approx(10.46)


def test_utm_without_crs_asks_for_the_system(planner_client, world, tmp_path):
    response = create(planner_client, world["heggedal"], without_crs(tmp_path, "EPSG:25832"), name="plan.geojson")
    assert response.status_code == 200
    assert 'name="srid"' in response.content.decode()


def test_the_file_field_is_only_on_the_new_project_form(planner_client, world):
    assert 'name="area_file"' in planner_client.get("/planlegger/prosjekter/ny/").content.decode()
    assert 'enctype="multipart/form-data"' in planner_client.get("/planlegger/prosjekter/ny/").content.decode()
    edit = planner_client.get(f"/planlegger/prosjekter/{world['torg'].slug}/").content.decode()
    assert 'name="area_file"' not in edit
