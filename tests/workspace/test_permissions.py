"""Role × action: every workspace page and action, for every role, checked for status and for
what changed in the database."""

import pytest
from django.urls import reverse

from asker import roles
from places.models import DevelopmentProject
from tests.factories import ALL_ROLES, login_as, user_with_role
from tests.workspace.helpers import edit_data, project_data

pytestmark = pytest.mark.django_db

ALLOWED = {roles.PLANNER, roles.ADMINISTRATOR, "superuser"}
ROLES = ALL_ROLES + ["superuser"]


def expect_refused(response, role):
    if role is None:
        assert response.status_code == 302 and "/konto/logg-inn/" in response["Location"]
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("url", ["/planlegger/", "/planlegger/prosjekter/ny/", "/planlegger/prosjekter/hemmelig-tomt/",
                                 "/planlegger/prosjekter/hemmelig-tomt/historikk/", "/planlegger/planer/",
                                 "/planlegger/planer/ny/", "/planlegger/sentre/", "/planlegger/sentre/ny/"])
def test_pages(client, world, role, url):
    response = login_as(client, role).get(url)
    if role in ALLOWED:
        assert response.status_code == 200
    else:
        expect_refused(response, role)
        assert "Hemmelig tomt" not in response.content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_create(client, world, role):
    data = project_data(world["heggedal"], name="Ny bydel", flats=10, phases=[{"number": 1, "dwellings": 10}])
    response = login_as(client, role).post("/planlegger/prosjekter/ny/", data)
    created = DevelopmentProject.objects.filter(name="Ny bydel").first()
    if role in ALLOWED:
        assert response.status_code == 302, response.content.decode()[:3000]
        assert created is not None and created.is_confidential and created.published_at is None
        assert created.phases.get().dwellings == 10
    else:
        expect_refused(response, role)
        assert created is None


@pytest.mark.parametrize("role", ROLES)
def test_edit(client, world, role):
    project = world["torg"]
    response = login_as(client, role).post(f"/planlegger/prosjekter/{project.slug}/", edit_data(project, architect="Snøhetta"))
    project.refresh_from_db()
    if role in ALLOWED:
        assert response.status_code == 302, response.content.decode()[:3000]
        assert project.architect == "Snøhetta"
    else:
        expect_refused(response, role)
        assert project.architect == ""


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action, check", [
    ("publiser", lambda p: p.visibility == "public" and p.published_at is not None),
    ("arkiver", lambda p: p.archived_at is not None),
])
def test_publish_and_archive(client, world, role, action, check):
    project = world["secret"]
    response = login_as(client, role).post(f"/planlegger/prosjekter/{project.slug}/{action}/", {"confirm": "yes"})
    project.refresh_from_db()
    if role in ALLOWED:
        assert response.status_code == 302 and check(project)
    else:
        expect_refused(response, role)
        assert not check(project)


@pytest.mark.parametrize("role", ROLES)
def test_revert(client, world, role):
    project = world["torg"]
    first = project.history.earliest()
    project.architect = "Endret"
    project.save()
    response = login_as(client, role).post(f"/planlegger/prosjekter/{project.slug}/historikk/{first.history_id}/tilbakestill/",
                                                {"confirm": "yes"})
    project.refresh_from_db()
    if role in ALLOWED:
        assert response.status_code == 302 and project.architect == ""
    else:
        expect_refused(response, role)
        assert project.architect == "Endret"


@pytest.mark.parametrize("action", ["publiser", "skjul"])
def test_actions_need_post(planner_client, world, action):
    response = planner_client.get(f"/planlegger/prosjekter/{world['secret'].slug}/{action}/")
    assert response.status_code == 405


def test_actions_need_csrf(world, django_user_model):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(user_with_role(roles.PLANNER))
    response = client.post(f"/planlegger/prosjekter/{world['secret'].slug}/publiser/")
    assert response.status_code == 403
    world["secret"].refresh_from_db()
    assert world["secret"].is_confidential


def test_signed_out_planner_is_sent_to_sign_in_and_back(client, world):
    response = client.get("/planlegger/")
    assert response.status_code == 302
    assert "next=/planlegger/" in response["Location"]
    assert reverse("workspace:dashboard") == "/planlegger/"
