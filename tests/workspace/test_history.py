"""Every change to projects, phases and plans is recorded (who, when, what) and can be reverted."""

import pytest

from tests.workspace.helpers import edit_data

pytestmark = pytest.mark.django_db


def test_history_tab_shows_who_when_and_what_changed(planner_client, world):
    project = world["torg"]
    planner_client.post(f"/planlegger/prosjekter/{project.slug}/", edit_data(project, architect="Snøhetta", status="completed"))
    planner_client.post(f"/planlegger/prosjekter/{project.slug}/publiser/")
    html = planner_client.get(f"/planlegger/prosjekter/{project.slug}/historikk/").content.decode()
    assert "planner" in html  # who
    assert "arkitekt" in html.lower() and "status" in html.lower()  # what changed
    record = project.history.latest()
    assert record.history_user.username == "planner"


def test_revert_restores_fields_phases_and_developers(planner_client, world):
    project = world["torg"]
    original = project.history.latest()  # the version with 139 flats in 2 phases, Tandberg
    data = edit_data(project, flats=200, name="Heggedal torg II", developers=[world["jm"].pk],
                     **{"phases-0-dwellings": 100, "phases-1-dwellings": 100})
    assert planner_client.post(f"/planlegger/prosjekter/{project.slug}/", data).status_code == 302
    project.refresh_from_db()
    assert project.flats == 200 and list(project.developers.all()) == [world["jm"]]

    response = planner_client.post(f"/planlegger/prosjekter/{project.slug}/historikk/{original.history_id}/tilbakestill/")
    assert response.status_code == 302
    project.refresh_from_db()
    assert (project.name, project.flats) == ("Heggedal torg", 139)
    assert sorted(p.dwellings for p in project.phases.all()) == [64, 75]
    assert list(project.developers.all()) == [world["tandberg"]]
    # The revert is itself a change in the history, with its reason.
    latest = project.history.latest()
    assert latest.history_change_reason.startswith(("Tilbakestilt", "Reverted"))
    assert latest.history_user.username == "planner"


def test_revert_of_a_deleted_phase_brings_it_back(planner_client, world):
    project = world["torg"]
    before = project.history.latest()
    planner_client.post(f"/planlegger/prosjekter/{project.slug}/", edit_data(project, flats=75, **{"phases-1-DELETE": "on"}))
    assert project.phases.count() == 1
    planner_client.post(f"/planlegger/prosjekter/{project.slug}/historikk/{before.history_id}/tilbakestill/")
    assert sorted(p.dwellings for p in project.phases.all()) == [64, 75]


def test_revert_unknown_version_is_404(planner_client, world):
    other = world["hage"].history.latest()
    response = planner_client.post(f"/planlegger/prosjekter/{world['torg'].slug}/historikk/{other.history_id}/tilbakestill/")
    assert response.status_code == 404


def test_plan_changes_are_recorded(planner_client, world):
    plan = world["plan"]
    data = {"plan_id": plan.plan_id, "name": "Heggedal sentrum, endret", "kind": plan.kind, "plan_type": 35,
            "plan_status": 2, "centre": world["heggedal"].pk, "adopted": "", "description": "", "boundary": plan.boundary.json}
    assert planner_client.post(f"/planlegger/planer/{plan.pk}/", data).status_code == 302
    record = plan.history.latest()
    assert record.name == "Heggedal sentrum, endret" and record.history_user.username == "planner"
