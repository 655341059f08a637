"""The history page shows each version's changes as old → new, its phases (byggetrinn)
included, with reasons rendered in the reader's language; a save that changes nothing adds no
version."""

import pytest

from places import history
from places.models import DevelopmentProject
from tests.workspace.helpers import edit_data

pytestmark = pytest.mark.django_db


def edit(client, project, **changes):
    return client.post(f"/planlegger/prosjekter/{project.slug}/", edit_data(project, **changes))


def history_page(client, project, lang=""):
    return client.get(f"{lang}/planlegger/prosjekter/{project.slug}/historikk/")


def test_fields_show_old_and_new(planner_client, world):
    project = world["torg"]
    assert edit(planner_client, project, architect="Snøhetta", status="completed").status_code == 302
    html = history_page(planner_client, project).content.decode()
    assert "arkitekt: <del>–</del> → <ins>Snøhetta</ins>" in html
    assert "status: <del>Under bygging</del> → <ins>Ferdig</ins>" in html


def test_phases_show_old_and_new(planner_client, world):
    project = world["torg"]
    data = edit_data(project, flats=150, **{"phases-1-dwellings": 75, "phases-0-finish_year": 2022})
    assert planner_client.post(f"/planlegger/prosjekter/{project.slug}/", data).status_code == 302
    html = history_page(planner_client, project).content.decode()
    assert "Byggetrinn 2: boliger: <del>64</del> → <ins>75</ins>" in html
    assert "Byggetrinn 1: ferdigår: <del>2021</del> → <ins>2022</ins>" in html
    assert "leiligheter: <del>139</del> → <ins>150</ins>" in html


def test_added_and_removed_phases(planner_client, world):
    project = world["torg"]
    data = edit_data(project, flats=75, **{"phases-1-DELETE": "on"})
    assert planner_client.post(f"/planlegger/prosjekter/{project.slug}/", data).status_code == 302
    html = history_page(planner_client, project).content.decode()
    assert "Byggetrinn 2: <del>64 boliger, år 2022–2024</del> → <ins>fjernet</ins>" in html


def test_a_save_without_a_change_adds_no_version(planner_client, world):
    project = world["torg"]
    before = (project.history.count(), project.phases.first().history.count())
    response = edit(planner_client, project, plan_id=project.plan_id, description=project.description,
                    architect=project.architect, sdg_goals=project.sdg_goals)
    assert response.status_code == 302
    assert (project.history.count(), project.phases.first().history.count()) == before
    messages = planner_client.get(response["Location"]).content.decode()
    assert "Ingenting ble endret" in messages


def test_a_phase_only_change_is_one_version(planner_client, world):
    project = world["torg"]
    count = project.history.count()
    data = edit_data(project, **{"phases-0-name": "Første trinn"})
    assert planner_client.post(f"/planlegger/prosjekter/{project.slug}/", data).status_code == 302
    assert project.history.count() == count + 1


def test_reasons_are_stored_as_codes_and_read_in_english(planner_client, world):
    project = world["torg"]
    first = project.history.latest()
    edit(planner_client, project, architect="Snøhetta")
    planner_client.post(f"/planlegger/prosjekter/{project.slug}/historikk/{first.history_id}/tilbakestill/",
                        {"confirm": "yes"})
    planner_client.post(f"/planlegger/prosjekter/{world['secret'].slug}/publiser/")
    stored = project.history.latest().history_change_reason
    assert history.reason_code(stored) == "reverted"
    english = history_page(planner_client, project, "/en").content.decode()
    assert "Reverted to the version of" in english and "Tilbakestilt" not in english
    assert "architect: <del>Snøhetta</del> → <ins>–</ins>" in english
    bokmal = history_page(planner_client, project).content.decode()
    assert "Tilbakestilt til versjonen" in bokmal
    published = history_page(planner_client, world["secret"], "/en").content.decode()
    assert ">Published<" in published and "Publisert" not in published


def test_reasons_from_before_codes_are_shown_as_they_are(planner_client, world):
    project = world["torg"]
    project._change_reason = "Gammel tekst"
    project.save()
    assert "Gammel tekst" in history_page(planner_client, project).content.decode()


def test_history_query_count(planner_client, world, django_assert_max_num_queries):
    project = world["torg"]
    for n in range(12):
        edit(planner_client, DevelopmentProject.objects.get(pk=project.pk), architect=f"Arkitekt {n}")
    with django_assert_max_num_queries(14):
        response = history_page(planner_client, project)
    assert response.status_code == 200


def test_numbers_in_the_history_are_grouped_by_language(planner_client, world):
    project = world["torg"]
    data = edit_data(project, flats=1605, **{"phases-0-dwellings": 1605 - 64})
    assert planner_client.post(f"/planlegger/prosjekter/{project.slug}/", data).status_code == 302
    assert "leiligheter: <del>139</del> → <ins>1\xa0605</ins>" in history_page(planner_client, project).content.decode()
    assert "flats: <del>139</del> → <ins>1,605</ins>" in history_page(planner_client, project, "/en").content.decode()


def test_a_phase_with_unknown_dwellings_says_so(planner_client, world):
    project = world["torg"]
    unknown = {"flats": "", "terraced": "", "detached": "", "phases-0-dwellings": "", "phases-1-dwellings": ""}
    assert planner_client.post(f"/planlegger/prosjekter/{project.slug}/", edit_data(project, **unknown)).status_code == 302
    project.refresh_from_db()
    data = edit_data(project, **{"phases-1-DELETE": "on"})
    assert planner_client.post(f"/planlegger/prosjekter/{project.slug}/", data).status_code == 302
    html = history_page(planner_client, project).content.decode()
    assert "Byggetrinn 2: <del>ukjent antall boliger, år 2022–2024</del> → <ins>fjernet</ins>" in html
    assert "None" not in html
    english = history_page(planner_client, project, "/en").content.decode()
    assert "Phase 2: <del>unknown number of dwellings, years 2022–2024</del> → <ins>removed</ins>" in english
