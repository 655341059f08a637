"""Areas read as residents of each language write numbers: m² and dekar grouped alike, dekar with
one decimal ("5 584,3 dekar" in bokmål, "5,584.3 dekar" in English), on the project and plan
pages and where a planner chooses an area from a file."""

import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from asker import roles
from tests.factories import login_as, small_square

pytestmark = pytest.mark.django_db

def large():
    return small_square(10.40, 59.76, 0.03)  # some 5.6 km²: thousands of dekar
NB = re.compile(r"(\d{1,3}(?:\xa0\d{3})+) m² \((\d{1,3}(?:\xa0\d{3})*,\d) dekar\)")
EN = re.compile(r"(\d{1,3}(?:,\d{3})+) m² \((\d{1,3}(?:,\d{3})*\.\d) dekar\)")


def check(html, pattern, m2):
    shown = pattern.search(html)
    assert shown, "area not shown grouped by language"
    assert int(re.sub(r"\D", "", shown.group(1))) == round(m2)
    assert "\xa0" in shown.group(2) or "," in shown.group(2)  # the dekar are grouped too
    return shown


@pytest.mark.parametrize("prefix, pattern", [("", NB), ("/en", EN)])
def test_project_and_plan_pages(client, world, prefix, pattern):
    project, plan = world["torg"], world["plan"]
    project.set_area(large())
    project.save()
    plan.boundary = large()
    plan.save()
    check(client.get(f"{prefix}/prosjekter/heggedal-torg/").content.decode(), pattern, project.area_m2)
    check(client.get(f"{prefix}/planer/{plan.plan_id}/").content.decode(), pattern, plan.area_m2)


@pytest.mark.parametrize("prefix, pattern", [("", r"Felt 1 \(\d\xa0\d{3},\d dekar\)"),
                                             ("/en", r'<span lang="nb">Felt 1</span> \(\d,\d{3}\.\d dekar\)')])
def test_choosing_an_area_from_a_file(client, world, prefix, pattern):
    login_as(client, roles.PLANNER)
    body = json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"navn": "Felt 1"}, "geometry": json.loads(large().json)}]}).encode()
    response = client.post(f"{prefix}/planlegger/prosjekter/heggedal-torg/last-opp/",
                           {"file": SimpleUploadedFile("omrade.geojson", body, content_type="application/geo+json")})
    assert response.status_code == 200
    assert re.search(pattern, response.content.decode())
