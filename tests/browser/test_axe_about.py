"""axe on the accessibility statement, the privacy statement and the contact page, in bokmål and
English: as they are, with the barrier form's errors, and after a report is sent; and the
barrier form without JavaScript and by keyboard alone, as the accessibility statement says.

Several pages per test, one report at the end (tests/browser/tour.py).
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from about.models import BarrierReport
from asker import roles
from tests.browser.helpers import focused, tab_until
from tests.browser.tour import LANGUAGES, send, sign_in_as
from tests.factories import ConsultationFactory, UserFactory

pytestmark = pytest.mark.browser

FORM = "#meld-fra form"


@pytest.fixture
def administrator(db):
    return UserFactory(username="admin", email="admin@asker.example", role=roles.ADMINISTRATOR)


def test_the_statements_and_the_contact_page(page, tour, world, administrator, mailoutbox, settings):
    settings.BARRIER_REPORT_RATE_LIMIT = (20, 3600)  # this test sends eight
    now = timezone.now()
    ConsultationFactory(municipality=world["heggedal"].municipality, plan=world["plan"], title="Åpen høring",
                        retention_days=365)
    ConsultationFactory(municipality=world["heggedal"].municipality, plan=world["plan"], title="Avsluttet høring",
                        retention_days=None, opens_at=now - timedelta(days=9), closes_at=now - timedelta(days=2))
    tour.visit(page, "about:privacy", "with an open and a closed consultation")
    assert page.locator("table.data tbody tr").count() == 2
    tour.visit(page, "about:accessibility")
    tour.visit(page, "about:contact")
    for lang in LANGUAGES:
        for name in ("about:accessibility", "about:contact"):
            page.goto(tour.url(name, lang))
            send(page, FORM)  # empty
            assert page.locator(".error-summary[role=alert]").is_visible()
            tour.here(page, name, "with errors in the barrier form")
            page.fill("#id_problem", "Kartet kan ikke brukes med skjermleser.")
            send(page, FORM)
            assert page.locator(".messages .message").count() == 1
            tour.here(page, name, "after sending a report")
    assert BarrierReport.objects.count() == 4 and len(mailoutbox) == 4
    tour.done()


def test_signed_in_the_pages_are_the_same(page, tour, world, live_server):
    sign_in_as(page, live_server, UserFactory(username="kari", role=roles.RESIDENT))
    tour.visit(page, "about:privacy", "signed in")
    tour.visit(page, "about:accessibility", "signed in")
    tour.done()


def test_a_barrier_is_reported_without_javascript(new_page, live_server, administrator, mailoutbox):
    page = new_page(java_script_enabled=False)
    page.goto(live_server.url + "/tilgjengelighet/")
    page.fill("#id_page", "/prosjekter/")
    page.fill("#id_problem", "Filteret mister fokus.")
    page.fill("#id_email", "kari@example.org")
    with page.expect_navigation():
        page.locator(FORM).locator("button[type=submit]").click()
    assert "Meldingen din er sendt" in page.locator(".messages").inner_text()
    report = BarrierReport.objects.get()
    assert (report.page, report.problem, report.email) == ("/prosjekter/", "Filteret mister fokus.", "kari@example.org")
    assert [m.to for m in mailoutbox] == [["admin@asker.example"]]


def test_a_barrier_is_reported_by_keyboard_alone(page, live_server, administrator):
    page.goto(live_server.url + "/kontakt/")
    seen = tab_until(page, lambda f: 'id="id_problem"' in f["html"])
    assert seen[-1]["visible"], "the problem field shows no focus"
    page.keyboard.type("Knappen er for liten.")
    # The hidden honeypot is skipped: Tab goes from the e-mail field to the button.
    page.keyboard.press("Tab")
    assert 'id="id_email"' in focused(page)["html"]
    page.keyboard.press("Tab")
    assert focused(page)["tag"] == "button"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert BarrierReport.objects.get().problem == "Knappen er for liten."
