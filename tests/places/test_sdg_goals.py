"""The UN goals (sdg_goals) are a JSON field the admin edits as text: anything but a list of
numbers 1–17 is refused with a message by the model (a plain 5 once gave a 500)."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from places.models import DevelopmentProject
from tests.factories import ProjectFactory, user_with_role
from tests.places.test_bounds import admin_data

pytestmark = pytest.mark.django_db
BAD = ["5", '"5"', '{"goal": 5}', "[true]", "[1.5]", "[18]", "[0]", '["3"]', "NaN", "[[3]]"]
MESSAGE = "FNs bærekraftsmål er en liste med tall fra 1 til 17"


@pytest.fixture
def admin_client(client, world):
    client.raise_request_exception = False
    client.force_login(user_with_role("superuser"))
    return client


def add_data(world, **changes):
    heggedal = world["heggedal"]
    data = {"municipality": heggedal.municipality_id, "name": "Ny tomt", "slug": "ny-tomt", "centre": heggedal.pk,
            "status": "idea", "flats": 0, "terraced": 0, "detached": 0, "commercial_m2": 0,
            "location": '{"type": "Point", "coordinates": [10.45, 59.783]}', "geometry": "", "sdg_goals": "[]",
            "phases-TOTAL_FORMS": 0, "phases-INITIAL_FORMS": 0, "phases-MIN_NUM_FORMS": 0,
            "phases-MAX_NUM_FORMS": 1000}
    data.update(changes)
    return data


@pytest.mark.parametrize("goals", BAD)
def test_the_admin_add_form_refuses_what_is_not_a_list_of_goals(admin_client, world, goals):
    response = admin_client.post("/admin/places/developmentproject/add/", add_data(world, sdg_goals=goals))
    assert response.status_code == 200
    with translation.override("nb"):
        assert MESSAGE in response.content.decode()
    assert not DevelopmentProject.objects.filter(slug="ny-tomt").exists()


@pytest.mark.parametrize("goals", BAD)
def test_the_admin_change_form_refuses_it(admin_client, world, goals):
    torg = world["torg"]
    torg.sdg_goals = [11]
    torg.save()
    response = admin_client.post(f"/admin/places/developmentproject/{torg.pk}/change/",
                                 admin_data(torg, [("phases", list(torg.phases.all()))], sdg_goals=goals))
    assert response.status_code == 200
    with translation.override("nb"):
        assert MESSAGE in response.content.decode()
    torg.refresh_from_db()
    assert torg.sdg_goals == [11]


@pytest.mark.parametrize("goals, saved", [("[3, 11]", [3, 11]), ("[]", []), ("", [])])
def test_a_list_of_goals_or_none_is_saved(admin_client, world, goals, saved):
    response = admin_client.post("/admin/places/developmentproject/add/", add_data(world, sdg_goals=goals))
    assert response.status_code == 302
    assert DevelopmentProject.objects.get(slug="ny-tomt").sdg_goals == saved


@pytest.mark.parametrize("goals", [5, "5", {"goal": 5}, [True], [1.5], None])
def test_the_model_says_so_for_any_caller(world, goals):
    project = ProjectFactory.build(centre=world["heggedal"], municipality=world["heggedal"].municipality,
                                   sdg_goals=goals)
    if goals is None:
        project.full_clean()  # an emptied field means no goals
        assert project.sdg_goals == []
        return
    with pytest.raises(ValidationError) as info:
        project.full_clean()
    assert "sdg_goals" in info.value.message_dict
