"""Creating and editing a project with its phases: what is saved, and what bad input gets."""

import json

import pytest

from places.models import DevelopmentProject
from tests.factories import small_square
from tests.workspace.helpers import edit_data, project_data

pytestmark = pytest.mark.django_db


def test_form_is_in_norwegian_with_the_name_field_labelled_navn(planner_client, world):
    html = planner_client.get("/planlegger/prosjekter/ny/").content.decode()
    assert '<label for="id_name">Navn</label>' in html
    assert 'name="phases-TOTAL_FORMS"' in html


def test_create_with_drawn_area_and_phases(planner_client, world):
    area = small_square(10.45, 59.79, 0.003)
    data = project_data(world["heggedal"], name="Heggedal øst", flats=30, terraced=10,
                        geometry=area.json, developers=[world["jm"].pk], sdg_goals=[11],
                        phases=[{"number": 1, "dwellings": 25, "start_year": 2027, "finish_year": 2029},
                                {"number": 2, "dwellings": 15, "start_year": 2030, "finish_year": 2031}])
    response = planner_client.post("/planlegger/prosjekter/ny/", data)
    assert response.status_code == 302
    project = DevelopmentProject.objects.get(name="Heggedal øst")
    assert response["Location"] == f"/planlegger/prosjekter/{project.slug}/"
    assert project.slug == "heggedal-ost"
    assert project.geometry.equals_exact(area, 1e-9)
    assert project.geometry.contains(project.location) and not project.location_approximate
    assert [p.dwellings for p in project.phases.order_by("number")] == [25, 15]
    assert list(project.developers.all()) == [world["jm"]] and project.sdg_goals == [11]
    assert project.is_confidential  # a draft until a planner publishes it
    assert project.history.latest().history_user.username == "planner"


def test_without_an_area_the_centre_point_is_used(planner_client, world):
    planner_client.post("/planlegger/prosjekter/ny/", project_data(world["heggedal"], name="Uten kart"))
    project = DevelopmentProject.objects.get(name="Uten kart")
    assert project.location == world["heggedal"].location and project.location_approximate


def test_same_name_gets_its_own_address(planner_client, world):
    planner_client.post("/planlegger/prosjekter/ny/", project_data(world["heggedal"], name="Heggedal torg"))
    assert DevelopmentProject.objects.filter(name="Heggedal torg").count() == 2
    assert DevelopmentProject.objects.filter(slug="heggedal-torg-2").exists()


def test_edit_project_and_phases_together(planner_client, world):
    # Changing the total and the phases in one go must pass the phase-total rule.
    project = world["torg"]
    data = edit_data(project, flats=150, **{"phases-1-dwellings": 75})
    response = planner_client.post(f"/planlegger/prosjekter/{project.slug}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    project.refresh_from_db()
    assert project.flats == 150 and sorted(p.dwellings for p in project.phases.all()) == [75, 75]


def test_deleting_a_phase(planner_client, world):
    project = world["torg"]
    data = edit_data(project, flats=75, **{"phases-1-DELETE": "on"})
    assert planner_client.post(f"/planlegger/prosjekter/{project.slug}/", data).status_code == 302
    assert [p.dwellings for p in project.phases.all()] == [75]


def count_rows():
    return (DevelopmentProject.objects.count(), DevelopmentProject.history.count())


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"name": ""}, "name", "Feltet er påkrevet"),
        ({"flats": "-3"}, "flats", "Kan ikke være negativt"),
        ({"flats": "mange"}, "flats", "Oppgi et heltall"),
        ({"centre": "999999"}, "centre", "Velg et gyldig"),
        ({"status": "ferdig-ish"}, "status", "Velg et gyldig"),
        ({"slug": "ikke gyldig!"}, "slug", "Oppgi en gyldig"),
        ({"slug": "heggedal-hage"}, "slug", "Et annet prosjekt har allerede"),
        ({"geometry": "ikke geojson"}, "geometry", ""),
        ({"geometry": small_square(11.5, 60.5).json}, "geometry", "utenfor Asker"),
        ({"sdg_goals": ["18"]}, "sdg_goals", "Velg et gyldig"),
        ({"flats": "50"}, None, "Byggetrinnene har til sammen 139 boliger, men prosjektet har 50"),
        ({"phases-0-finish_year": "2010"}, "phases-0-finish_year", "Ferdigåret kan ikke være før startåret"),
        ({"phases-0-dwellings": "-1"}, "phases-0-dwellings", "Kan ikke være negativt"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_changes(planner_client, world, changes, field, message):
    project = world["torg"]
    before = count_rows(), DevelopmentProject.objects.values().get(pk=project.pk)
    response = planner_client.post(f"/planlegger/prosjekter/{project.slug}/", edit_data(project, **changes))
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="error-summary"' in html and message in html
    if field:
        assert f'id="id_{field}-error"' in html  # the message sits next to its field
    assert (count_rows(), DevelopmentProject.objects.values().get(pk=project.pk)) == before


def test_hostile_text_is_shown_as_text(planner_client, world):
    data = project_data(world["heggedal"], name='<script>alert("x")</script>', description="<img src=x onerror=alert(1)>")
    planner_client.post("/planlegger/prosjekter/ny/", data)
    project = DevelopmentProject.objects.get(description__startswith="<img")
    html = planner_client.get(f"/planlegger/prosjekter/{project.slug}/").content.decode()
    assert '<script>alert("x")</script>' not in html and "&lt;script&gt;" in html
    assert json.loads(json.dumps(project.name)) == '<script>alert("x")</script>'  # kept as typed


def test_workspace_list_search_and_filters(planner_client, world):
    html = planner_client.get("/planlegger/?q=hemmelig").content.decode()
    assert "Hemmelig tomt" in html and "Heggedal torg" not in html
    drafts = planner_client.get("/planlegger/?vis=utkast").content.decode()
    assert "Hemmelig tomt" in drafts and "Heggedal hage" not in drafts


@pytest.mark.parametrize("count", [5, 200])
def test_workspace_list_query_count_is_bounded(planner_client, world, count, django_assert_max_num_queries):
    from tests.factories import ProjectFactory

    for _ in range(count):
        ProjectFactory(centre=world["heggedal"], municipality=world["heggedal"].municipality)
    with django_assert_max_num_queries(9):
        response = planner_client.get("/planlegger/?q=prosjekt")
    assert response.status_code == 200
    assert response.context["page"].paginator.count >= count
