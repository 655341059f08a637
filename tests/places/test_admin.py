"""Administrators keep everything in Django admin, with a map widget for every geometry."""

import pytest

from places.models import DevelopmentProject
from tests.factories import DistrictFactory, user_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, world):
    client.force_login(user_with_role("superuser"))
    return client


@pytest.mark.parametrize("path, field", [
    ("municipality/{asker}", "boundary"),
    ("statisticaldistrict/{district}", "geometry"),
    ("centre/{heggedal}", "location"),
    ("developmentproject/{torg}", "geometry"),
    ("plan/{plan}", "boundary"),
    ("servicefacility/{school}", "location"),
])
def test_every_geometry_has_a_map_widget(admin_client, world, path, field):
    district = DistrictFactory(municipality=world["heggedal"].municipality)
    ids = {"asker": world["heggedal"].municipality_id, "district": district.pk, "heggedal": world["heggedal"].pk,
           "torg": world["torg"].pk, "plan": world["plan"].pk, "school": world["school"].pk}
    response = admin_client.get(f"/admin/places/{path.format(**ids)}/change/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'name="{field}"' in html and "leaflet" in html.lower()


@pytest.mark.parametrize("role", [None, "resident", "planner", "moderator"])
def test_admin_is_for_staff_only(client, world, role):
    user = user_with_role(role)
    if user:
        client.force_login(user)
    response = client.get("/admin/places/developmentproject/")
    assert response.status_code == 302 and "login" in response["Location"]


def test_admin_changes_totals_and_phases_together(admin_client, world):
    project = world["torg"]
    phases = list(project.phases.order_by("number"))
    data = {
        "municipality": project.municipality_id, "name": project.name, "slug": project.slug,
        "centre": project.centre_id, "status": project.status, "visibility": project.visibility,
        "flats": 150, "terraced": 0, "detached": 0, "commercial_m2": 0, "sdg_goals": "[]",
        "location": project.location.json, "geometry": project.geometry.json, "developers": [world["tandberg"].pk],
        "phases-TOTAL_FORMS": 2, "phases-INITIAL_FORMS": 2, "phases-MIN_NUM_FORMS": 0, "phases-MAX_NUM_FORMS": 1000,
    }
    for i, phase in enumerate(phases):
        data.update({f"phases-{i}-id": phase.pk, f"phases-{i}-project": project.pk, f"phases-{i}-number": phase.number,
                     f"phases-{i}-name": "", f"phases-{i}-dwellings": 75, f"phases-{i}-start_year": 2020,
                     f"phases-{i}-finish_year": 2024})
    response = admin_client.post(f"/admin/places/developmentproject/{project.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    project.refresh_from_db()
    assert project.flats == 150 and [p.dwellings for p in project.phases.all()] == [75, 75]
    # And a mismatch is still refused.
    data["flats"] = 151
    assert admin_client.post(f"/admin/places/developmentproject/{project.pk}/change/", data).status_code == 200
    project.refresh_from_db()
    assert project.flats == 150


def test_the_map_point_follows_the_area_in_the_admin_too(admin_client, world):
    project = world["torg"]
    data = {
        "municipality": project.municipality_id, "name": project.name, "slug": project.slug,
        "centre": project.centre_id, "status": project.status, "visibility": project.visibility,
        "flats": project.flats, "terraced": project.terraced, "detached": project.detached, "commercial_m2": 0,
        "sdg_goals": "[]", "developers": [world["tandberg"].pk],
        # A point far from the area (Asker sentrum) is what the form sends; the area decides.
        "location": world["sentrum"].location.json, "geometry": project.geometry.json,
        "phases-TOTAL_FORMS": 0, "phases-INITIAL_FORMS": 0, "phases-MIN_NUM_FORMS": 0, "phases-MAX_NUM_FORMS": 1000,
    }
    project.phases.all().delete()
    response = admin_client.post(f"/admin/places/developmentproject/{project.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    project.refresh_from_db()
    assert project.geometry.contains(project.location)
    assert project.location == DevelopmentProject.area_fields(project.geometry)["location"]
    assert project.location_approximate is False
