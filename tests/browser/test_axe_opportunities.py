"""Volunteer opportunities in Chromium: a resident finds one by category and centre and registers
interest with the keyboard only, and the representative sees it; axe (tests/browser/tour.py) on
every new page and state, in bokmål and English."""

import pytest

from asker import roles
from tests.browser.helpers import focused, tab_until
from tests.browser.tour import send, sign_in_as
from tests.factories import UserFactory
from tests.volunteering.conftest import categories, centres, opportunity, org  # noqa: F401  (fixtures)
from volunteering.models import Category, Interest, RepresentationRequest

# The live server's tests flush the database after each, the categories of migration 0002 too.
pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("categories")]


def test_a_resident_finds_an_opportunity_and_registers_interest_by_keyboard(page, live_server, tour, opportunity):  # noqa: F811
    kari = UserFactory(username="kari", first_name="Kari", last_name="Nordmann", role=roles.RESIDENT)
    sign_in_as(page, live_server, kari)
    page.goto(live_server.url + "/frivillighet/oppdrag/")
    social = Category.objects.get(code="4 100")
    # A select takes its value from the keyboard by typing the start of an option.
    tab_until(page, lambda f: f["tag"] == "select" and "category" in f["html"])
    page.keyboard.type(social.label_nb)
    tab_until(page, lambda f: f["tag"] == "select" and "centre" in f["html"])
    page.keyboard.type("Heggedal")
    tab_until(page, lambda f: f["tag"] == "button" and f["text"] == "Vis oppdrag")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert f"category={social.pk}" in page.url and "centre=heggedal" in page.url
    tab_until(page, lambda f: f["tag"] == "a" and (f["href"] or "").endswith(f"/oppdrag/{opportunity.pk}/"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    tab_until(page, lambda f: f["tag"] == "textarea")
    page.keyboard.type("Jeg kan steke vafler.")
    page.keyboard.press("Tab")
    assert focused(page)["tag"] == "button"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator(".messages").is_visible()
    interest = Interest.objects.get(user=kari)
    assert interest.message == "Jeg kan steke vafler."
    sign_in_as(page, live_server, opportunity.organisation.representatives.get().user)
    page.goto(live_server.url + f"/frivillighet/oppdrag/{opportunity.pk}/interesserte/")
    assert "Kari Nordmann" in page.content() and "Jeg kan steke vafler." in page.content()


def test_the_opportunity_pages(page, live_server, tour, opportunity):  # noqa: F811
    org = opportunity.organisation  # noqa: F811
    social = Category.objects.get(code="4 100")
    tour.visit(page, "volunteering:opportunities", "the list")
    tour.visit(page, "volunteering:opportunities", "by category and centre", query=f"?category={social.pk}&centre=heggedal")
    tour.visit(page, "volunteering:opportunities", "a bad filter (400)", query="?centre=atlantis", status=400)
    tour.visit(page, "volunteering:opportunity", "signed out", pk=opportunity.pk)
    kari = UserFactory(username="kari", role=roles.RESIDENT)
    sign_in_as(page, live_server, kari)
    tour.visit(page, "volunteering:opportunity", "with the interest form", pk=opportunity.pk)
    tour.visit(page, "volunteering:organisation", "with opportunities, as a resident", number=org.number)
    Interest.objects.create(opportunity=opportunity, user=kari, message="Gjerne")
    tour.visit(page, "volunteering:opportunity", "interest registered", pk=opportunity.pk)
    sign_in_as(page, live_server, org.representatives.get().user)
    tour.visit(page, "volunteering:organisation", "as its representative", number=org.number)
    tour.visit(page, "volunteering:organisation_edit", "the form", number=org.number)
    tour.visit(page, "volunteering:opportunity_create", "the blank form", query=f"?organisasjon={org.number}")
    for lang in ("nb", "en"):
        page.goto(tour.url("volunteering:opportunity_create", lang, f"?organisasjon={org.number}"))
        page.fill("#id_title", "Leksehjelp")
        page.fill("#id_starts_on", "2027-01-10")
        page.fill("#id_ends_on", "2027-01-01")
        send(page, "form.edit-form")
        assert page.locator(".error-summary").is_visible()
        tour.here(page, "volunteering:opportunity_create", "with errors (400)")
    tour.visit(page, "volunteering:opportunity_edit", "as its representative", pk=opportunity.pk)
    tour.visit(page, "volunteering:interested", "one interested", pk=opportunity.pk)
    admin = UserFactory(username="admin", role=roles.ADMINISTRATOR)
    sign_in_as(page, live_server, admin)
    tour.visit(page, "volunteering:requests", "none waiting")
    RepresentationRequest.objects.create(organisation=org, user=kari, message="Jeg er kasserer.")
    tour.visit(page, "volunteering:requests", "one waiting")
    tour.done()
