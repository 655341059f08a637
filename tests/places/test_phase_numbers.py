"""Phase numbers in the workspace and the admin: two phases may swap numbers; a number that
another phase already has (from a stale page, a tampered form, or a change saved while this
one was being saved) is refused with a message and nothing is saved, never a 500."""

import pytest
from django.db import connection
from django.utils import translation

from asker import roles
from places.models import DevelopmentProject, ProjectPhase
from tests.factories import PhaseFactory, user_with_role
from tests.places.test_bounds import admin_data
from tests.workspace.helpers import edit_data, project_data

pytestmark = pytest.mark.django_db

SAME_NUMBER = "Et prosjekt kan ikke ha to byggetrinn med samme nummer"
NOTHING_SAVED = "Ingenting ble lagret"


@pytest.fixture
def client(client):
    client.raise_request_exception = False
    return client


def post(client, where, project, **changes):
    """The edit form of `project` as the workspace or the admin shows it now, plus `changes`."""
    if where == "admin":
        client.force_login(user_with_role("superuser"))
        data = admin_data(project, [("phases", list(project.phases.order_by("number")))], **changes)
        return client.post(f"/admin/places/developmentproject/{project.pk}/change/", data)
    client.force_login(user_with_role(roles.PLANNER))
    return client.post(f"/planlegger/prosjekter/{project.slug}/", edit_data(project, **changes))


# The admin shows an invalid form again with 200, as for every model; the workspace with 400.
REFUSED = {"admin": 200, "workspace": 400}


def phases(project):
    return sorted(ProjectPhase.objects.filter(project=project).values_list("number", "dwellings", "name"))


def message_in(response, text):
    with translation.override("nb"):
        return text in response.content.decode()


@pytest.mark.parametrize("where", ["admin", "workspace"])
def test_two_phases_swap_numbers(client, world, where):
    torg = world["torg"]
    first, second = torg.phases.order_by("number")
    response = post(client, where, torg, **{"phases-0-number": 2, "phases-1-number": 1})
    assert response.status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.number, second.number) == (2, 1)
    assert phases(torg) == [(1, 64, ""), (2, 75, "")]


@pytest.mark.parametrize("where", ["admin", "workspace"])
def test_a_number_added_meanwhile_from_a_stale_page(client, world, where):
    hage = world["hage"]  # one phase, number 1, all 60 dwellings
    client.force_login(user_with_role(roles.PLANNER if where == "workspace" else "superuser"))
    changes = {"phases-TOTAL_FORMS": 2, "phases-1-number": 2, "phases-1-dwellings": 0, "phases-1-name": "Mitt",
               "phases-1-project": hage.pk, "phases-1-start_year": "", "phases-1-finish_year": "", "name": "Nytt navn"}
    if where == "admin":
        stale = admin_data(hage, [("phases", list(hage.phases.all()))], **changes)
        url = f"/admin/places/developmentproject/{hage.pk}/change/"
    else:
        stale = edit_data(hage, **changes)
        url = f"/planlegger/prosjekter/{hage.slug}/"
    PhaseFactory(project=hage, number=2, dwellings=0, name="Den andres")  # another planner, meanwhile
    response = client.post(url, stale)
    assert response.status_code == REFUSED[where]
    assert message_in(response, SAME_NUMBER)
    assert phases(hage) == [(1, 60, ""), (2, 0, "Den andres")]
    assert DevelopmentProject.objects.get(pk=hage.pk).name == "Heggedal hage"


@pytest.mark.parametrize("where", ["admin", "workspace"])
def test_a_tampered_count_of_existing_phases(client, world, where):
    # With INITIAL_FORMS lowered, the existing phases come back as new ones with their numbers.
    torg = world["torg"]
    response = post(client, where, torg, **{"phases-INITIAL_FORMS": 0})
    assert response.status_code == REFUSED[where]
    assert message_in(response, SAME_NUMBER)
    assert phases(torg) == [(1, 75, ""), (2, 64, "")]


@pytest.fixture
def another_planner_at_save_time(world):
    """A database trigger that gives a project a phase 3 the moment the project row is written,
    in the same transaction: a change the form's checks cannot have seen (as when another
    planner's save lands between this one's checks and its insert). Gone with the test's
    transaction."""
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no pending events: the table may be altered
        cursor.execute("""
            CREATE FUNCTION test_phase_meanwhile() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO places_projectphase (project_id, number, name, dwellings)
                VALUES (NEW.id, 3, 'Den andres', 0);
                RETURN NEW;
            END $$;
            CREATE TRIGGER test_phase_meanwhile AFTER INSERT OR UPDATE ON places_developmentproject
            FOR EACH ROW EXECUTE FUNCTION test_phase_meanwhile();
        """)
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")


NEW_PHASE_3 = {"phases-TOTAL_FORMS": 3, "phases-2-number": 3, "phases-2-dwellings": 0, "phases-2-name": "Mitt",
               "phases-2-start_year": "", "phases-2-finish_year": ""}


@pytest.mark.parametrize("where", ["admin", "workspace"])
def test_a_clash_only_the_database_sees_is_refused_with_nothing_saved(client, world, another_planner_at_save_time,
                                                                      where):
    torg = world["torg"]
    response = post(client, where, torg, name="Nytt navn", **NEW_PHASE_3, **{"phases-2-project": torg.pk})
    assert response.status_code == 400
    assert message_in(response, SAME_NUMBER) and message_in(response, NOTHING_SAVED)
    assert phases(torg) == [(1, 75, ""), (2, 64, "")]  # neither phase 3: all rolled back
    assert DevelopmentProject.objects.get(pk=torg.pk).name == "Heggedal torg"
    assert not torg.history.filter(name="Nytt navn").exists()


def test_a_new_project_refused_at_save_time_is_shown_as_new(client, world, another_planner_at_save_time):
    client.force_login(user_with_role(roles.PLANNER))
    data = project_data(world["heggedal"], name="Ny plass", phases=[{"number": 3, "dwellings": 0}])
    response = client.post("/planlegger/prosjekter/ny/", data)
    assert response.status_code == 400
    assert message_in(response, NOTHING_SAVED)
    assert response.context["project"] is None  # no links to a project that was never saved
    assert not DevelopmentProject.objects.filter(name="Ny plass").exists()
