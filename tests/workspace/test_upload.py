"""Setting a project's area from an uploaded file: read, choose or merge, confirm a repair."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from asker import roles
from places.history import reason_text
from tests.factories import ALL_ROLES, small_square, user_with_role

pytestmark = pytest.mark.django_db

A = small_square(10.45, 59.79, 0.002)
B = small_square(10.453, 59.79, 0.002)
BOWTIE = {"type": "Polygon", "coordinates": [[[10.44, 59.80], [10.45, 59.81], [10.45, 59.80], [10.44, 59.81], [10.44, 59.80]]]}


def geojson_file(*geometries, name="omrade.geojson"):
    features = [{"type": "Feature", "properties": {"navn": f"Felt {i + 1}"},
                 "geometry": g if isinstance(g, dict) else json.loads(g.json)} for i, g in enumerate(geometries)]
    body = json.dumps({"type": "FeatureCollection", "features": features}).encode()
    return SimpleUploadedFile(name, body, content_type="application/geo+json")


def upload(client, project, file):
    return client.post(f"/planlegger/prosjekter/{project.slug}/last-opp/", {"file": file})


def choose(client, project, **data):
    return client.post(f"/planlegger/prosjekter/{project.slug}/last-opp/velg/", data)


def test_one_area_uploaded_chosen_and_saved(planner_client, world):
    project = world["hage"]
    response = upload(planner_client, project, geojson_file(A))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Felt 1" in html and 'id="upload-geojson"' in html
    project.refresh_from_db()
    assert not project.geometry.equals_exact(A, 1e-9)  # nothing saved before the choice

    response = choose(planner_client, project, features=["0"])
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.geometry.equals_exact(A, 1e-7)
    assert project.geometry.contains(project.location)
    assert "omrade.geojson" in reason_text(project.history.latest().history_change_reason)


def test_several_areas_merged(planner_client, world):
    project = world["hage"]
    upload(planner_client, project, geojson_file(A, B))
    assert choose(planner_client, project, features=["0", "1"]).status_code == 302
    project.refresh_from_db()
    assert project.geometry.area == pytest.approx(A.union(B).area)


def test_repaired_shape_must_be_confirmed(planner_client, world):
    project = world["hage"]
    html = upload(planner_client, project, geojson_file(BOWTIE)).content.decode()
    assert "Self-intersection" in html or "ikke en gyldig" in html or "not a valid" in html
    before = project.geometry
    response = choose(planner_client, project, features=["0"])
    assert response.status_code == 400
    project.refresh_from_db()
    assert project.geometry.equals_exact(before, 1e-12)
    assert choose(planner_client, project, features=["0"], confirm_repair="on").status_code == 302
    project.refresh_from_db()
    assert project.geometry.valid


@pytest.mark.parametrize("file, code_text", [
    (SimpleUploadedFile("plan.geojson", b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n"), "PDF"),
    (SimpleUploadedFile("tom.geojson", b""), ""),
    (geojson_file(small_square(11.5, 60.5)), "Asker"),
])
def test_bad_file_gets_a_message_and_changes_nothing(planner_client, world, file, code_text):
    project = world["hage"]
    before = (project.geometry.ewkt, project.history.count())
    response = upload(planner_client, project, file)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="error-summary"' in html and code_text in html
    project.refresh_from_db()
    assert (project.geometry.ewkt, project.history.count()) == before


def test_no_file_chosen(planner_client, world):
    response = planner_client.post(f"/planlegger/prosjekter/{world['hage'].slug}/last-opp/", {})
    assert response.status_code == 400


def test_choosing_without_an_upload_waiting(planner_client, world):
    response = choose(planner_client, world["hage"], features=["0"])
    assert response.status_code == 302 and response["Location"].endswith("/last-opp/")


def test_choosing_nothing_or_a_bad_index(planner_client, world):
    upload(planner_client, world["hage"], geojson_file(A))
    assert choose(planner_client, world["hage"]).status_code == 400
    assert choose(planner_client, world["hage"], features=["7"]).status_code == 400
    assert choose(planner_client, world["hage"], features=["x"]).status_code == 400


@pytest.mark.parametrize("role", ALL_ROLES)
def test_upload_per_role(client, world, role):
    user = user_with_role(role)
    if user:
        client.force_login(user)
    response = upload(client, world["hage"], geojson_file(A))
    if role in (roles.PLANNER, roles.ADMINISTRATOR):
        assert response.status_code == 200
    else:
        assert response.status_code in (302, 403)
        assert choose(client, world["hage"], features=["0"]).status_code in (302, 403)
        world["hage"].refresh_from_db()
        assert not world["hage"].geometry.equals_exact(A, 1e-7)


def test_the_repair_is_asked_about_only_when_a_shape_was_repaired(planner_client, world):
    plain = upload(planner_client, world["hage"], geojson_file(A)).content.decode()
    assert 'name="confirm_repair"' not in plain and "repaired shape" not in plain
    repaired = upload(planner_client, world["hage"], geojson_file(A, BOWTIE)).content.decode()
    assert 'name="confirm_repair"' in repaired
