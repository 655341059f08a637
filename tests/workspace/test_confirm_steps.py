"""Archiving, taking out of the archive and restoring a version are confirmed on a page of
their own: GET shows it (no JavaScript), only a POST with its confirmation acts, and says what
happened, naming the project (and the version)."""

import pytest

from places.history import when_text
from places.models import DevelopmentProject
from tests.factories import ALL_ROLES, login_as
from tests.workspace.test_permissions import ALLOWED, expect_refused

pytestmark = pytest.mark.django_db


def archive_url(project):
    return f"/planlegger/prosjekter/{project.slug}/arkiver/"


def restore_url(project):
    return f"/planlegger/prosjekter/{project.slug}/gjenopprett/"


def revert_url(project, record):
    return f"/planlegger/prosjekter/{project.slug}/historikk/{record.history_id}/tilbakestill/"


def state(project):
    project = DevelopmentProject.objects.get(pk=project.pk)
    return project.archived_at, project.architect, project.history.count()


def test_archive_page_asks_then_archives(planner_client, world):
    project = world["hage"]
    before = state(project)
    response = planner_client.get(archive_url(project))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Arkivere «Heggedal hage»?" in html and 'name="confirm" value="yes"' in html
    assert state(project) == before  # asking changes nothing

    response = planner_client.post(archive_url(project), {"confirm": "yes"}, follow=True)
    assert response.status_code == 200
    assert "«Heggedal hage» er arkivert" in response.content.decode()
    assert state(project)[0] is not None


def test_restore_page_asks_then_restores(planner_client, world):
    project = world["hage"]
    planner_client.post(archive_url(project), {"confirm": "yes"})
    html = planner_client.get(restore_url(project)).content.decode()
    assert "Ta «Heggedal hage» ut av arkivet?" in html
    response = planner_client.post(restore_url(project), {"confirm": "yes"}, follow=True)
    assert "«Heggedal hage» er tatt ut av arkivet" in response.content.decode()
    assert state(project)[0] is None


def test_revert_page_names_the_version_and_says_what_happened(planner_client, world):
    project = world["torg"]
    first = project.history.latest()
    project.architect = "Snøhetta"
    project.save()
    when = when_text(first.history_date)
    html = planner_client.get(revert_url(project, first)).content.decode()
    assert f"Gjenopprette versjonen fra {when} av «Heggedal torg»?" in html
    assert state(project)[1] == "Snøhetta"
    response = planner_client.post(revert_url(project, first), {"confirm": "yes"}, follow=True)
    assert f"«Heggedal torg» er tilbake slik det var i versjonen fra {when}." in response.content.decode()
    assert state(project)[1] == ""


@pytest.mark.parametrize("data", [{}, {"confirm": "no"}, {"confirm": ""}, {"confirm": ["yes", "no"]}])
def test_a_missing_or_bad_confirmation_changes_nothing(planner_client, world, data):
    project = world["torg"]
    first = project.history.latest()
    project.architect = "Snøhetta"
    project.save()
    for url in (archive_url(project), revert_url(project, first)):
        before = state(project)
        response = planner_client.post(url, data)
        assert response.status_code == 400
        html = response.content.decode()
        assert 'class="error-summary"' in html and "Ingenting ble gjort" in html
        assert state(project) == before


def test_restore_of_a_project_not_archived_changes_nothing(planner_client, world):
    project = world["torg"]
    before = state(project)
    response = planner_client.post(restore_url(project), {"confirm": "yes"})
    assert response.status_code == 302
    assert state(project) == before


def test_unknown_version_or_project(planner_client, world):
    other = world["hage"].history.latest()
    assert planner_client.get(revert_url(world["torg"], other)).status_code == 404
    assert planner_client.get("/planlegger/prosjekter/finnes-ikke/arkiver/").status_code == 404


@pytest.mark.parametrize("role", ALL_ROLES + ["superuser"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_who_may(client, world, role, method):
    project = world["torg"]
    first = project.history.latest()
    project.architect = "Snøhetta"
    project.save()
    login_as(client, role)
    for url in (archive_url(project), revert_url(project, first)):
        before = state(project)
        response = getattr(client, method)(url, {"confirm": "yes"} if method == "post" else None)
        if role in ALLOWED:
            assert response.status_code == (200 if method == "get" else 302)
        else:
            expect_refused(response, role)
            assert state(project) == before
            assert "Heggedal torg" not in response.content.decode()


def test_the_edit_and_history_pages_link_to_the_questions(planner_client, world):
    project = world["torg"]
    project.architect = "Snøhetta"
    project.save()
    edit = planner_client.get(f"/planlegger/prosjekter/{project.slug}/").content.decode()
    assert f'href="{archive_url(project)}"' in edit
    history = planner_client.get(f"/planlegger/prosjekter/{project.slug}/historikk/").content.decode()
    assert "/tilbakestill/" in history and "<form method=\"post\" action=\"/planlegger/prosjekter/heggedal-torg/historikk" not in history


def test_query_count(planner_client, world, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        response = planner_client.get(archive_url(world["torg"]))
    assert response.status_code == 200
