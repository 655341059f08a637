"""A project whose number of dwellings is unknown says so ("ukjent" / "unknown") wherever its
dwellings are shown, and totals say how many projects they could not count; 0 is kept for a
project that has none."""

import json
import re

import pytest
from django.core.exceptions import ValidationError

from asker import roles
from places.models import DevelopmentProject, ProjectPhase
from tests.factories import PhaseFactory, ProjectFactory, login_as
from tests.workspace.helpers import edit_data, project_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def saetre(world):
    project = ProjectFactory(municipality=world["heggedal"].municipality, centre=world["heggedal"],
                             name="Sætre sentrum", slug="saetre-sentrum", flats=None, terraced=None, detached=None,
                             status=DevelopmentProject.Status.UNDER_CONSTRUCTION)
    PhaseFactory(project=project, number=1, dwellings=None, start_year=2016, finish_year=2026)
    return project


def test_unknown_is_empty_in_every_kind_and_none_in_the_total(saetre, world):
    assert saetre.dwellings_total is None and saetre.dwellings_unknown
    assert DevelopmentProject.objects.with_totals().get(pk=saetre.pk).dwellings is None
    assert world["hage"].dwellings_total == 60  # 40 flats + 20 terraced
    partly = ProjectFactory(centre=world["heggedal"], municipality=world["heggedal"].municipality,
                            flats=12, terraced=None, detached=None)
    assert partly.dwellings_total == 12 == DevelopmentProject.objects.with_totals().get(pk=partly.pk).dwellings


@pytest.mark.parametrize("prefix, word", [("", "ukjent"), ("/en", "unknown")])
def test_the_project_page_and_lists_say_unknown(client, saetre, prefix, word):
    for url in (f"{prefix}/prosjekter/saetre-sentrum/", f"{prefix}/prosjekter/", f"{prefix}/",
                f"{prefix}/steder/heggedal/"):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert re.search(rf'<td class="num"[^>]*>{word}</td>', html) or f"<dd>{word}" in html, url


@pytest.mark.parametrize("prefix, expected", [
    ("", "199 boliger (ukjent for 1 prosjekt)"), ("/en", "199 dwellings (unknown for 1 project)"),
])
def test_the_home_summary_and_the_centre_page_count_what_they_can(client, saetre, prefix, expected):
    home = client.get(f"{prefix}/").content.decode()
    assert expected in home  # 139 + 60 public dwellings, and Sætre not known
    centre = client.get(f"{prefix}/steder/heggedal/").content.decode()
    assert expected.replace(" boliger", "").replace(" dwellings", "") in centre


def test_the_plan_page_and_the_workspace_list_say_unknown(client, saetre, world):
    saetre.plan_id = world["plan"].plan_id
    saetre.save()
    assert "ukjent antall boliger" in client.get(world["plan"].get_absolute_url()).content.decode()
    login_as(client, roles.PLANNER)
    response = client.get("/en/planlegger/")
    assert response.status_code == 200
    assert re.search(r'<td class="num"[^>]*>unknown</td>', response.content.decode())


def test_the_map_data_gives_null_not_zero(client, saetre):
    response = client.get("/kart/prosjekter.geojson?bbox=10.0,59.6,10.8,60.0&zoom=10")
    assert response.status_code == 200
    by_name = {f["properties"]["name"]: f["properties"]["dwellings"] for f in json.loads(response.content)["features"]}
    assert by_name["Sætre sentrum"] is None and by_name["Heggedal torg"] == 139


def test_the_minimum_dwellings_filter_leaves_unknown_out(client, saetre):
    response = client.get("/prosjekter/?min_dwellings=0")
    assert response.status_code == 200
    assert "Sætre sentrum" not in {p.name for p in response.context["page"]}


def test_a_planner_leaves_the_dwellings_empty_when_they_are_not_known(client, world):
    login_as(client, roles.PLANNER)
    data = project_data(world["heggedal"], name="Ukjent omfang", flats="", terraced="", detached="",
                        phases=[{"number": 1, "name": "", "dwellings": "", "start_year": "", "finish_year": ""}])
    response = client.post("/planlegger/prosjekter/ny/", data)
    assert response.status_code == 302
    project = DevelopmentProject.objects.get(name="Ukjent omfang")
    assert (project.flats, project.terraced, project.detached, project.dwellings_total) == (None, None, None, None)
    assert project.phases.get().dwellings is None


def test_phases_cannot_have_dwellings_when_the_project_has_an_unknown_number(client, saetre):
    login_as(client, roles.PLANNER)
    response = client.post(f"/planlegger/prosjekter/{saetre.slug}/", edit_data(saetre, **{"phases-0-dwellings": 40}))
    assert response.status_code == 400
    assert "antall boliger i prosjektet er ukjent" in response.content.decode()
    assert saetre.phases.get().dwellings is None
    with pytest.raises(ValidationError):
        saetre.check_phase_totals([ProjectPhase(dwellings=5)])
    saetre.check_phase_totals([ProjectPhase(dwellings=None), ProjectPhase(dwellings=0)])


def test_negative_and_huge_counts_are_still_refused(client, world):
    login_as(client, roles.PLANNER)
    for bad in ("-1", "100001", "tre"):
        response = client.post("/planlegger/prosjekter/ny/", project_data(world["heggedal"], name="Feil", flats=bad))
        assert response.status_code == 400, bad
    assert not DevelopmentProject.objects.filter(name="Feil").exists()
