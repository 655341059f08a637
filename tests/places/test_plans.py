import pytest

from places.models import Plan
from tests.factories import PlanFactory

pytestmark = pytest.mark.django_db


def test_plan_list(client, world):
    PlanFactory(municipality=world["heggedal"].municipality, plan_id="3203202201", name="Mulighetsstudie Spikkestad",
                kind=Plan.Kind.MULIGHETSSTUDIE, plan_type=None, plan_status=None)
    response = client.get("/planer/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Heggedal sentrum" in html and "Mulighetsstudie Spikkestad" in html
    only_studies = client.get("/planer/?type=mulighetsstudie").content.decode()
    assert "Mulighetsstudie Spikkestad" in only_studies and "Heggedal sentrum" not in only_studies


def test_bad_plan_kind_gives_a_message(client, world):
    response = client.get("/planer/?type=<b>nonsense</b>")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html and "<b>nonsense</b>" not in html


def test_plan_page_shows_codes_area_and_public_projects_only(client, world):
    world["secret"].plan_id = world["plan"].plan_id
    world["secret"].save()
    response = client.get("/planer/3203201901/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Detaljregulering" in html and "Endelig vedtatt arealplan" in html
    assert "Heggedal torg" in html and "Hemmelig tomt" not in html
    assert "dekar" in html


def test_unknown_plan_is_404(client, world):
    assert client.get("/planer/0000/").status_code == 404
