"""No serious or critical WCAG 2.1 A/AA violations on the public pages a signed-out visitor
meets, in bokmål and English, with the maps' markers drawn (they are part of what a
screen-reader user meets); and on the error pages.

Several pages per test: a test costs a database flush, a page costs far less. The pages of
signed-in users are in test_axe_roles.py and test_axe_workspace.py; page_catalogue.py lists
which URL names are checked where.
"""

from datetime import timedelta

import pytest
from django.urls import get_resolver
from django.utils import timezone

from tests.factories import CommentFactory, ConsultationFactory, UserFactory, small_square

pytestmark = pytest.mark.browser

def test_public_pages_signed_out(page, tour, world, heggedal_catchment, plan_document):
    tour.visit(page, "places:home")
    tour.visit(page, "places:centres")
    tour.visit(page, "places:centre", slug="heggedal")
    tour.visit(page, "places:projects")
    tour.visit(page, "places:project", slug="heggedal-torg")
    tour.visit(page, "places:plans")
    tour.visit(page, "places:plans", "with an unknown kind of plan", query="?type=ukjent", status=400)
    tour.visit(page, "places:plan", plan_id=world["plan"].plan_id)
    assert page.get_by_role("link", name="Plankart").count() == 1
    tour.done()


def test_project_list_with_a_bad_filter_shows_the_error_accessibly(page, tour, world):
    for lang in ("nb", "en"):
        response = page.goto(tour.url("places:projects", lang, "?min_dwellings=-5"))
        assert response.status == 400
        summary = page.locator(".error-summary[role=alert]")
        assert summary.is_visible()
        assert summary.locator("a[href='#id_min_dwellings']").count() == 1
        field = page.locator("#id_min_dwellings")
        assert field.get_attribute("aria-invalid") == "true"
        # The message next to the field is the one the field points screen readers to.
        message = page.locator("#" + field.get_attribute("aria-describedby"))
        assert message.is_visible() and message.inner_text().strip()
        tour.here(page, "places:projects", "with a bad filter")
    tour.done()


def test_consultations_signed_out(page, tour, world):
    municipality = world["heggedal"].municipality
    now = timezone.now()
    open_ = ConsultationFactory(municipality=municipality, plan=world["plan"], slug="apen", title="Åpen høring",
                                area=small_square(10.40, 59.76, 0.08))
    ConsultationFactory(municipality=municipality, slug="kommer", title="Kommende høring",
                        opens_at=now + timedelta(days=3), closes_at=now + timedelta(days=20))
    closed = ConsultationFactory(municipality=municipality, slug="lukket", title="Lukket høring",
                                 opens_at=now - timedelta(days=30), closes_at=now - timedelta(days=2))
    kari, ola = UserFactory(username="kari"), UserFactory(username="ola")
    first = CommentFactory(consultation=open_, author=kari, text="Bra med flere boliger ved stasjonen.",
                           place_name="Heggedal", location="SRID=4326;POINT(10.44 59.78)")
    CommentFactory(consultation=open_, author=ola, parent=first, text="Enig, men husk parkering for sykkel.")
    for i in range(3):  # one more than the consultation's page shows of a thread
        CommentFactory(consultation=open_, author=ola, parent=first, text=f"Svar nummer {i + 2} i tråden.")
    CommentFactory(consultation=closed, author=ola, text="En kommentar fra før høringen ble lukket.")

    tour.visit(page, "participation:consultations")
    tour.visit(page, "participation:consultations", "with an unknown centre", query="?senter=ukjent", status=400)
    tour.visit(page, "participation:consultation", "open, with comments and replies", slug="apen")
    assert page.locator(".comment.reply").count() == 3
    page.get_by_role("link", name="See all 4 replies").click()
    tour.here(page, "participation:thread", "a comment with all its replies")
    assert page.locator(".comment.reply").count() == 4
    tour.visit(page, "participation:consultation", "upcoming", slug="kommer")
    tour.visit(page, "participation:consultation", "closed", slug="lukket")
    tour.done()


def test_error_pages(page, tour, world):
    for prefix in ("", "/en"):
        tour.error_page(page, prefix + "/finnes-ikke/", 404, "page not found")
        # A control character in the address: the 400 page, in the visitor's language.
        tour.error_page(page, prefix + "/planer/%01/", 400, "bad request")
    # 403 needs a signed-in user without the role: see test_axe_roles.py.
    tour.done()


def test_the_first_visit_before_any_data_and_the_500_page(page, tour, rf):
    # No municipality yet: the home page says so instead of drawing an empty map.
    tour.visit(page, "places:home", "before any data is loaded")

    # The 500 page, as Django's own error handler renders it (the project adds no URL that can
    # fail on purpose): served to Chromium at the live server's address, so anything it links
    # to (styles, scripts) comes from the live server exactly as after a real error.
    handler = get_resolver().resolve_error_handler(500)
    response = handler(rf.get("/"))
    assert response.status_code == 500
    url = tour.base + "/en-side-som-feilet/"
    page.route(url, lambda route: route.fulfill(status=500, body=response.content,
                                                content_type=response["Content-Type"]))
    tour.error_page(page, "/en-side-som-feilet/", 500, "server error")
    assert page.locator("h1").inner_text() == "Noe gikk galt"
    tour.done()
