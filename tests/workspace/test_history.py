"""Every change to projects, phases and plans is recorded (who, when, what) and can be reverted."""

import pytest

from places.history import reason_code
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

    response = planner_client.post(f"/planlegger/prosjekter/{project.slug}/historikk/{original.history_id}/tilbakestill/", {"confirm": "yes"})
    assert response.status_code == 302
    project.refresh_from_db()
    assert (project.name, project.flats) == ("Heggedal torg", 139)
    assert sorted(p.dwellings for p in project.phases.all()) == [64, 75]
    assert list(project.developers.all()) == [world["tandberg"]]
    # The revert is itself a change in the history, with its reason.
    latest = project.history.latest()
    assert reason_code(latest.history_change_reason) == "reverted"
    assert latest.history_user.username == "planner"


def test_revert_of_a_deleted_phase_brings_it_back(planner_client, world):
    project = world["torg"]
    before = project.history.latest()
    planner_client.post(f"/planlegger/prosjekter/{project.slug}/", edit_data(project, flats=75, **{"phases-1-DELETE": "on"}))
    assert project.phases.count() == 1
    planner_client.post(f"/planlegger/prosjekter/{project.slug}/historikk/{before.history_id}/tilbakestill/", {"confirm": "yes"})
    assert sorted(p.dwellings for p in project.phases.all()) == [64, 75]


def test_revert_unknown_version_is_404(planner_client, world):
    other = world["hage"].history.latest()
    response = planner_client.post(f"/planlegger/prosjekter/{world['torg'].slug}/historikk/{other.history_id}/tilbakestill/", {"confirm": "yes"})
    assert response.status_code == 404


def test_plan_changes_are_recorded(planner_client, world):
    plan = world["plan"]
    data = {"plan_id": plan.plan_id, "name": "Heggedal sentrum, endret", "kind": plan.kind, "plan_type": 35,
            "plan_status": 2, "centre": world["heggedal"].pk, "adopted": "", "description": "", "boundary": plan.boundary.json}
    assert planner_client.post(f"/planlegger/planer/{plan.pk}/", data).status_code == 302
    record = plan.history.latest()
    assert record.name == "Heggedal sentrum, endret" and record.history_user.username == "planner"


def revert_to(client, project, record):
    return client.post(f"/planlegger/prosjekter/{project.slug}/historikk/{record.history_id}/tilbakestill/", {"confirm": "yes"})


def test_revert_to_a_public_version_leaves_a_confidential_project_confidential(planner_client, client, world):
    project = world["torg"]  # public, with a public version in its history
    public_version = project.history.latest()
    assert planner_client.post(f"/planlegger/prosjekter/{project.slug}/skjul/").status_code == 302
    planner_client.post(f"/planlegger/prosjekter/{project.slug}/", edit_data(project, architect="Snøhetta"))

    assert revert_to(planner_client, project, public_version).status_code == 302
    project.refresh_from_db()
    assert project.architect == ""  # the version's content came back ...
    assert project.is_confidential  # ... its visibility did not: only publishing publishes
    client.logout()
    assert client.get(f"/prosjekter/{project.slug}/").status_code == 404


def test_revert_to_a_draft_version_leaves_a_published_project_published(planner_client, world):
    project = world["secret"]  # confidential, never published
    draft = project.history.latest()
    planner_client.post(f"/planlegger/prosjekter/{project.slug}/publiser/")
    project.refresh_from_db()
    published_at = project.published_at
    assert revert_to(planner_client, project, draft).status_code == 302
    project.refresh_from_db()
    assert not project.is_confidential and project.published_at == published_at


def test_revert_to_a_version_before_archiving_leaves_the_project_archived(planner_client, client, world):
    project = world["hage"]
    before_archive = project.history.latest()
    planner_client.post(f"/planlegger/prosjekter/{project.slug}/arkiver/", {"confirm": "yes"})
    project.refresh_from_db()
    archived_at = project.archived_at
    assert archived_at is not None
    assert revert_to(planner_client, project, before_archive).status_code == 302
    project.refresh_from_db()
    assert project.archived_at == archived_at
    client.logout()
    assert client.get(f"/prosjekter/{project.slug}/").status_code == 404


def test_revert_to_an_archived_version_does_not_archive(planner_client, world):
    project = world["hage"]
    planner_client.post(f"/planlegger/prosjekter/{project.slug}/arkiver/", {"confirm": "yes"})
    archived_version = project.history.latest()
    planner_client.post(f"/planlegger/prosjekter/{project.slug}/gjenopprett/", {"confirm": "yes"})
    assert revert_to(planner_client, project, archived_version).status_code == 302
    project.refresh_from_db()
    assert project.archived_at is None
