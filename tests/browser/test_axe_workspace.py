"""axe on every page of the planner's workspace, in bokmål and English: the project lists,
the project form (new, with errors, confidential, archived), history, upload and choosing the
area, plans and their documents, centres, consultations; and the public pages as a planner
sees them (a confidential project). test_workspace.py drives the same pages through whole tasks.

Several pages per test, one report at the end (tests/browser/tour.py).
"""

import json

import pytest
from django.utils import timezone

from asker import roles
from places.models import DevelopmentProject
from tests.browser.tour import LANGUAGES, send, sign_in_as
from tests.factories import (
    AnsweredConsultationFactory,
    CommentFactory,
    ConsultationFactory,
    UserFactory,
    small_square,
)

pytestmark = pytest.mark.browser

@pytest.fixture
def planner(world, page, live_server):
    user = UserFactory(username="planlegger", role=roles.PLANNER)
    sign_in_as(page, live_server, user)
    return user


def test_the_project_pages_of_the_workspace(page, tour, planner, world, tmp_path):
    torg = world["torg"]
    torg.flats = 140
    torg._change_reason = "Én bolig til"
    torg.save()  # a second version, so the history offers a revert
    DevelopmentProject.objects.filter(pk=world["hage"].pk).update(archived_at=timezone.now())

    tour.visit(page, "workspace:dashboard", "current projects")
    tour.visit(page, "workspace:dashboard", "drafts", query="?vis=utkast")
    tour.visit(page, "workspace:dashboard", "archive", query="?vis=arkiv")
    tour.visit(page, "workspace:dashboard", "search without hits", query="?q=ingenting")
    tour.visit(page, "workspace:project_create")
    for lang in LANGUAGES:
        page.goto(tour.url("workspace:project_create", lang))
        send(page, "main form.edit-form")
        assert page.locator(".error-summary").is_visible()
        tour.here(page, "workspace:project_create", "with errors")
    tour.visit(page, "workspace:project_edit", "public", slug="heggedal-torg")
    tour.visit(page, "workspace:project_edit", "confidential", slug="hemmelig-tomt")
    tour.visit(page, "workspace:project_edit", "archived", slug="heggedal-hage")
    tour.visit(page, "workspace:project_history", slug="heggedal-torg")
    assert page.locator("a[href*='/tilbakestill/']").count() >= 1

    tour.visit(page, "workspace:project_upload", slug="heggedal-torg")
    not_a_map = tmp_path / "notat.txt"
    not_a_map.write_text("Dette er ikke et kart.")
    two_areas = tmp_path / "omraader.geojson"
    two_areas.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"navn": name}, "geometry": json.loads(small_square(lon, 59.79, 0.002).json)}
        for name, lon in [("Nord", 10.45), ("Sør", 10.46)]]}))
    for lang in LANGUAGES:
        page.goto(tour.url("workspace:project_upload", lang, slug="heggedal-torg"))
        page.set_input_files("input[type=file]", str(not_a_map))
        send(page, "main form.edit-form")
        tour.here(page, "workspace:project_upload", "with a file that is not a map")
        page.set_input_files("input[type=file]", str(two_areas))
        send(page, "main form.edit-form")
        assert page.locator("input[name=features]").count() == 2
        tour.here(page, "workspace:project_upload", "choosing among two areas")
        send(page, "main form.edit-form")  # none chosen
        assert page.locator(".error-summary").is_visible()
        tour.here(page, "workspace:project_upload_choose", "with none chosen")

    # The public pages as a planner sees them: with the confidential project.
    tour.visit(page, "places:home", "as a planner")
    tour.visit(page, "places:project", "confidential, as a planner", slug="hemmelig-tomt")
    tour.done()


def test_plans_centres_and_consultations_in_the_workspace(page, tour, planner, world, plan_document, tmp_path):
    plan = world["plan"]
    consultation = ConsultationFactory(municipality=world["heggedal"].municipality, plan=plan, slug="apen",
                                       title="Åpen høring", area=small_square(10.40, 59.76, 0.08))
    not_a_pdf = tmp_path / "plan.pdf"
    not_a_pdf.write_text("<html>ikke en PDF</html>")

    tour.visit(page, "workspace:plans")
    tour.visit(page, "workspace:plan_edit", pk=plan.pk)
    tour.visit(page, "workspace:plan_documents", "with a document", pk=plan.pk)
    tour.visit(page, "workspace:centres")
    tour.visit(page, "workspace:centre_edit", slug="heggedal")
    tour.visit(page, "workspace:consultations")
    tour.visit(page, "workspace:consultation_edit", "open, with an area", pk=consultation.pk)
    for lang in LANGUAGES:
        for name in ("workspace:plan_create", "workspace:centre_create", "workspace:consultation_create"):
            page.goto(tour.url(name, lang))
            tour.here(page, name)
            send(page, "main form.edit-form")
            assert page.locator(".error-summary").is_visible()
            tour.here(page, name, "with errors")
        page.goto(tour.url("workspace:plan_documents", lang, pk=plan.pk))
        page.set_input_files("input[type=file]", str(not_a_pdf))
        send(page, "main form.edit-form")
        assert page.locator(".error-summary").is_visible()
        tour.here(page, "workspace:plan_documents", "with a file that is not a PDF")
    tour.done()


def test_the_answer_to_a_consultation(page, tour, planner, world):
    """The answer page as a draft, with errors, and published with its log; then the public
    page showing the answer, and the list saying so."""
    consultation = AnsweredConsultationFactory(municipality=world["heggedal"].municipality, plan=world["plan"],
                                               slug="besvart", title="Besvart høring")
    CommentFactory(consultation=consultation, text="Flere sykkelplasser, takk.")
    tour.visit(page, "workspace:consultation_edit", "closed, with the link to its answer", pk=consultation.pk)
    tour.visit(page, "workspace:consultation_answer", "a draft with the publish button", pk=consultation.pk)
    for lang in LANGUAGES:
        page.goto(tour.url("workspace:consultation_answer", lang, pk=consultation.pk))
        page.fill("#id_case_url", "javascript:alert(1)")
        send(page, "main form.edit-form")
        assert page.locator(".error-summary").is_visible()
        tour.here(page, "workspace:consultation_answer", "with errors")
    page.goto(tour.url("workspace:consultation_answer", pk=consultation.pk))
    with page.expect_navigation():
        page.locator("form[action$='/svar/publiser/'] button").click()
    page.fill("#id_answer_next", "Kommunestyret behandler planen i april.")
    send(page, "main form.edit-form")
    tour.visit(page, "workspace:consultation_answer", "published, with its log", pk=consultation.pk)
    assert page.locator("#log-heading").is_visible()
    tour.visit(page, "participation:consultation", "closed, with the municipality's answer", slug="besvart")
    assert page.locator("#answer-heading").is_visible()
    tour.visit(page, "participation:consultations", "with an answer published")
    tour.done()


def test_the_confirmation_pages_and_the_coordinate_system_question(page, tour, planner, world, tmp_path):
    from tests.places.test_geofile_utm_without_crs import without_crs

    torg = world["torg"]
    first = torg.history.latest()
    torg.architect = "Snøhetta"
    torg.save()
    DevelopmentProject.objects.filter(pk=world["hage"].pk).update(archived_at=timezone.now())
    tour.visit(page, "workspace:project_archive", slug="heggedal-torg")
    tour.visit(page, "workspace:project_restore", slug="heggedal-hage")
    tour.visit(page, "workspace:project_revert", slug="heggedal-torg", history_id=first.history_id)
    utm = tmp_path / "utm.geojson"
    utm.write_bytes(without_crs(tmp_path / "gdal", "EPSG:25832"))
    for lang in LANGUAGES:
        page.goto(tour.url("workspace:project_archive", lang, slug="heggedal-torg"))
        page.eval_on_selector("input[name=confirm]", "e => { e.value = 'no'; }")
        send(page, "main form.edit-form")
        assert page.locator(".error-summary").is_visible()
        tour.here(page, "workspace:project_archive", "with a bad confirmation")
        page.goto(tour.url("workspace:project_upload", lang, slug="heggedal-torg"))
        page.set_input_files("input[type=file]", str(utm))
        send(page, "main form.edit-form")
        assert page.locator("input[name=srid]:checked").get_attribute("value") == "25832"
        tour.here(page, "workspace:project_upload", "a GeoJSON file without crs in UTM metres")
    torg.refresh_from_db()
    assert torg.archived_at is None and torg.architect == "Snøhetta"
    tour.done()
