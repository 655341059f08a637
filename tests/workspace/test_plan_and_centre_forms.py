import pytest

from places.models import Centre, Plan
from tests.factories import small_square

pytestmark = pytest.mark.django_db


def plan_data(world, **changes):
    data = {"plan_id": "3203202501", "name": "Ny plan", "kind": "detaljregulering", "plan_type": 35,
            "plan_status": 1, "centre": world["heggedal"].pk, "adopted": "", "description": "",
            "boundary": small_square(10.45, 59.78, 0.002).json}
    data.update(changes)
    return data


def test_create_plan(planner_client, world):
    response = planner_client.post("/planlegger/planer/ny/", plan_data(world))
    plan = Plan.objects.get(plan_id="3203202501")
    assert response["Location"] == f"/planlegger/planer/{plan.pk}/"


@pytest.mark.parametrize("changes, message", [
    ({"plan_type": 34}, "plantype 35"),
    ({"plan_status": 7}, "Velg et gyldig valg"),
    ({"plan_id": "0301201901"}, "begynner med kommunenummeret"),
    ({"plan_id": "3203201901"}, "finnes allerede"),
    ({"boundary": small_square(12.0, 61.0).json}, "utenfor Asker"),
    ({"adopted": "i fjor"}, "gyldig dato"),
])
def test_bad_plan_is_refused(planner_client, world, changes, message):
    response = planner_client.post("/planlegger/planer/ny/", plan_data(world, **changes))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Plan.objects.filter(name="Ny plan").exists()


def centre_data(world, **changes):
    data = {"name": "Blakstad", "slug": "", "level": "naersenter", "parent": world["heggedal"].pk,
            "location": '{"type": "Point", "coordinates": [10.44, 59.80]}', "population": "", "description": ""}
    data.update(changes)
    return data


def test_create_centre(planner_client, world):
    assert planner_client.post("/planlegger/sentre/ny/", centre_data(world)).status_code == 302
    centre = Centre.objects.get(slug="blakstad")
    assert centre.parent == world["heggedal"] and centre.location.x == pytest.approx(10.44)


@pytest.mark.parametrize("changes, message", [
    ({"level": "lokalsenter"}, "må høre til et Kommunesenter"),
    ({"level": "kommunesenter", "parent": ""}, "bare ett kommunesenter"),
    ({"parent": ""}, "må høre til et overordnet senter"),
    ({"location": '{"type": "Point", "coordinates": [5.3, 60.4]}'}, "utenfor Asker"),
    ({"location": ""}, "Ingen geometriverdi oppgitt"),
])
def test_bad_centre_is_refused(planner_client, world, changes, message):
    response = planner_client.post("/planlegger/sentre/ny/", centre_data(world, **changes))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Centre.objects.filter(name="Blakstad").exists()
