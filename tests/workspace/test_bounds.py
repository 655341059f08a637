"""Out-of-range numbers and malformed identifiers are refused by the workspace forms with a
message, nothing is saved, and the public pages stay up.

(flats=2147483647 once overflowed the dwelling sum in SQL, and a plan ID with '/' broke every
page that links to the plan.)"""

import pytest

from places.models import Centre, DevelopmentProject, Plan
from tests.factories import small_square
from tests.workspace.helpers import edit_data, project_data

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = ["/", "/en/", "/steder/", "/steder/heggedal/", "/prosjekter/", "/prosjekter/heggedal-torg/",
                "/planer/", "/planer/3203201901/", "/kart/prosjekter.geojson?zoom=15"]
TOO_MANY = "Kan ikke være mer enn 100000"
PLAN_ID = "En plan-ID er det firesifrede kommunenummeret"


def assert_public_pages_up(client):
    client.logout()
    for url in PUBLIC_PAGES:
        assert client.get(url).status_code == 200, url


def state():
    return (list(DevelopmentProject.objects.order_by("pk").values()), DevelopmentProject.history.count(),
            list(Plan.objects.order_by("pk").values("plan_id", "name")), list(Centre.objects.values("population")))


@pytest.mark.parametrize("changes, field, message", [
    ({"flats": "2147483647"}, "flats", TOO_MANY),
    ({"flats": "100001"}, "flats", TOO_MANY),
    ({"terraced": "100001"}, "terraced", TOO_MANY),
    ({"detached": "999999999"}, "detached", TOO_MANY),
    ({"flats": "60000", "terraced": "50000"}, None, "høyst 100000 boliger"),
    ({"commercial_m2": "10000001"}, "commercial_m2", "Kan ikke være mer enn 10000000"),
    ({"commercial_m2": "-1"}, "commercial_m2", "Kan ikke være negativt"),
    ({"plan_id": "3203/1"}, "plan_id", PLAN_ID),
    ({"plan_id": "3203 2019 01"}, "plan_id", PLAN_ID),
    ({"plan_id": "3203" + "1" * 17}, "plan_id", PLAN_ID),
    ({"plan_id": "Heggedal"}, "plan_id", PLAN_ID),
    ({"plan_id": "3203<b>"}, "plan_id", PLAN_ID),
    ({"phases-0-dwellings": "100001"}, "phases-0-dwellings", TOO_MANY),
    ({"phases-0-start_year": "1850"}, "phases-0-start_year", "Et årstall fra 1900"),
    ({"phases-0-finish_year": "2250"}, "phases-0-finish_year", "Et årstall til og med 2100"),
    ({"phases-0-number": "0"}, "phases-0-number", "Byggetrinn nummereres fra 1"),
    ({"phases-0-number": "1000"}, "phases-0-number", "Kan ikke være mer enn 999"),
])
def test_project_form_refuses_out_of_bounds_values(planner_client, world, changes, field, message):
    project = world["torg"]
    before = state()
    response = planner_client.post(f"/planlegger/prosjekter/{project.slug}/", edit_data(project, **changes))
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="error-summary"' in html and message in html
    if field:
        assert f'id="id_{field}-error"' in html
    assert state() == before
    assert_public_pages_up(planner_client)


def test_new_project_with_too_many_dwellings_is_not_created(planner_client, world):
    data = project_data(world["heggedal"], name="Kjempeby", flats="2147483647",
                        phases=[{"number": 1, "dwellings": "2147483647"}])
    response = planner_client.post("/planlegger/prosjekter/ny/", data)
    assert response.status_code == 400 and TOO_MANY in response.content.decode()
    assert not DevelopmentProject.objects.filter(name="Kjempeby").exists()
    assert_public_pages_up(planner_client)


def test_the_largest_allowed_project_still_adds_up_on_every_page(planner_client, world):
    data = project_data(world["heggedal"], name="Stor", flats=100000, commercial_m2=10000000,
                        phases=[{"number": 1, "dwellings": 100000, "start_year": 1900, "finish_year": 2100}])
    assert planner_client.post("/planlegger/prosjekter/ny/", data).status_code == 302
    project = DevelopmentProject.objects.get(name="Stor")
    assert planner_client.post(f"/planlegger/prosjekter/{project.slug}/publiser/").status_code == 302
    assert_public_pages_up(planner_client)


def plan_data(world, **changes):
    data = {"plan_id": "3203202501", "name": "Ny plan", "kind": "detaljregulering", "plan_type": 35,
            "plan_status": 1, "centre": world["heggedal"].pk, "adopted": "", "description": "",
            "boundary": small_square(10.45, 59.78, 0.002).json}
    data.update(changes)
    return data


@pytest.mark.parametrize("plan_id", ["3203/2025", "3203/", "3203 2025", "3203" + "A" * 17, "3203", "3203æøå",
                                     "3203..%2F", "3203?x=1", "3203#1", "32032025\\1"])
def test_plan_form_refuses_plan_ids_that_are_not_one_path_segment(planner_client, world, plan_id):
    before = state()
    response = planner_client.post("/planlegger/planer/ny/", plan_data(world, plan_id=plan_id))
    assert response.status_code == 400
    html = response.content.decode()
    assert PLAN_ID in html and 'id="id_plan_id-error"' in html
    assert state() == before
    assert_public_pages_up(planner_client)


@pytest.mark.parametrize("plan_id", ["3203202501", "3203DEMO-01", "3203_2025.1", "0301" + "a" * 16])
def test_plan_ids_in_the_national_format_are_accepted_and_linked(planner_client, world, plan_id):
    municipality = world["heggedal"].municipality
    if not plan_id.startswith(municipality.number):
        plan_id = municipality.number + plan_id[4:]
    response = planner_client.post("/planlegger/planer/ny/", plan_data(world, plan_id=plan_id))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert planner_client.get(f"/planer/{plan_id}/").status_code == 200
    assert_public_pages_up(planner_client)


def centre_data(world, **changes):
    data = {"name": "Blakstad", "slug": "", "level": "naersenter", "parent": world["heggedal"].pk,
            "location": '{"type": "Point", "coordinates": [10.44, 59.80]}', "population": "", "description": ""}
    data.update(changes)
    return data


@pytest.mark.parametrize("changes, message", [
    ({"population": "2147483647"}, "Kan ikke være mer enn 10000000"),
    ({"population": "-5"}, "Verdien må være større enn eller lik 0"),
    ({"slug": "blak/stad"}, "Oppgi en gyldig"),
])
def test_centre_form_refuses_out_of_bounds_values(planner_client, world, changes, message):
    before = state()
    response = planner_client.post("/planlegger/sentre/ny/", centre_data(world, **changes))
    assert response.status_code == 400 and message in response.content.decode()
    assert state() == before and not Centre.objects.filter(name="Blakstad").exists()
    assert_public_pages_up(planner_client)
