"""axe on the event pages (events/), in bokmål and English, at 390 and 1280 px: the lists, an
event signed out, as a resident signing up, on the waiting list and refused, and the hosts'
pages (new, change, cancel, participants) with their errors.

Several pages per test, one report at the end (tests/browser/tour.py).
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from asker import roles
from events.models import Event, Registration
from tests.browser.tour import LANGUAGES, send, sign_in_as
from tests.events.factories import EventFactory, InnbyggertorgFactory, RegistrationFactory
from tests.factories import UserFactory
from tests.places.conftest import asker, heggedal, sentrum  # noqa: F401  (fixtures)

pytestmark = pytest.mark.browser


@pytest.fixture
def events(heggedal):
    torg = InnbyggertorgFactory(centre=heggedal, name="Heggedal innbyggertorg", slug="heggedal-innbyggertorg",
                                address="Heggedalsveien 1, 1389 Heggedal")
    now = timezone.now()
    lene = EventFactory(centre=None, innbyggertorg=torg, kind=Event.Kind.LENE_TIMEN, capacity=1,
                        title="Lene-timen på Heggedal innbyggertorg",
                        description="Ordføreren tar imot til en uformell prat.\nIngen saksliste.")
    RegistrationFactory(event=lene, user=UserFactory(username="ola", first_name="Åse", last_name="Ødegård"))
    return {
        "lene": lene,
        "open": EventFactory(centre=heggedal, title="Folkemøte om Heggedal sentrum", capacity=40),
        "address": EventFactory(centre=None, address="Gamle Heggedal skole, Bøveien 3", kind=Event.Kind.WORKSHOP,
                                title="Verksted: gangveiene i Heggedal"),
        "cancelled": EventFactory(centre=heggedal, title="Avlyst folkemøte", state=Event.State.CANCELLED),
        "past": EventFactory(centre=heggedal, title="Folkemøte i fjor", starts_at=now - timedelta(days=300),
                             ends_at=now - timedelta(days=300, hours=-2)),
    }


def test_the_public_event_pages(page, tour, events):
    tour.visit(page, "events:events", "coming events")
    tour.visit(page, "events:events", "filtered by centre", query="?senter=heggedal")
    tour.visit(page, "events:events", "with an unknown centre (400)", query="?senter=ukjent", status=400)
    assert page.locator(".error-summary").is_visible()
    tour.visit(page, "events:archive", "past events")
    tour.visit(page, "events:event", "full, at an innbyggertorg, signed out", pk=events["lene"].pk)
    tour.visit(page, "events:event", "at an address", pk=events["address"].pk)
    tour.visit(page, "events:event", "cancelled", pk=events["cancelled"].pk)
    tour.visit(page, "events:event", "past", pk=events["past"].pk)
    tour.done()


def test_a_resident_signs_up_and_cancels(page, live_server, tour, events):
    kari = UserFactory(username="kari", role=roles.RESIDENT)
    sign_in_as(page, live_server, kari)
    tour.visit(page, "events:event", "with the sign-up button", pk=events["open"].pk)
    tour.visit(page, "events:event", "full: the waiting-list button", pk=events["lene"].pk)
    for lang in LANGUAGES:
        page.goto(tour.url("events:event", lang, pk=events["lene"].pk))
        send(page, "form[action$='/meld-pa/']")
        assert page.locator(".messages").is_visible()
        tour.here(page, "events:event", "on the waiting list, with the message")
        # Someone else took the place meanwhile: cancelling what is gone is refused with a message.
        Registration.objects.filter(user=kari).delete()
        send(page, "form[action$='/meld-av/']")
        assert page.locator(".messages").is_visible()
        tour.here(page, "events:cancel_registration", "not signed up any more (400)")
    for lang in LANGUAGES:
        page.goto(tour.url("events:event", lang, pk=events["open"].pk))
        # The event starts while the page is open: the sign-up is refused with a message.
        Event.objects.filter(pk=events["open"].pk).update(starts_at=timezone.now() - timedelta(minutes=1))
        send(page, "form[action$='/meld-pa/']")
        assert page.locator(".messages").is_visible()
        tour.here(page, "events:sign_up", "after the start (400)")
        Event.objects.filter(pk=events["open"].pk).update(starts_at=timezone.now() + timedelta(days=2))
    tour.done()


def test_the_hosts_pages(page, live_server, tour, events):
    sign_in_as(page, live_server, UserFactory(username="per", role=roles.PLANNER))
    tour.visit(page, "events:events", "as a planner, with the new-event link")
    tour.visit(page, "events:event", "with the hosts' links", pk=events["lene"].pk)
    tour.visit(page, "events:create", "the blank form")
    tour.visit(page, "events:edit", "an event at an innbyggertorg", pk=events["lene"].pk)
    tour.visit(page, "events:cancel", "the question", pk=events["lene"].pk)
    tour.visit(page, "events:cancel", "an event already cancelled", pk=events["cancelled"].pk)
    tour.visit(page, "events:participants", "one signed up", pk=events["lene"].pk)
    for lang in LANGUAGES:
        page.goto(tour.url("events:create", lang))
        page.fill("#id_capacity", "0")
        page.fill("#id_title", "Nytt møte")
        send(page, "form.edit-form")
        assert page.locator(".error-summary").is_visible()
        tour.here(page, "events:create", "with errors (400)")
        page.goto(tour.url("events:edit", lang, pk=events["open"].pk))
        page.fill("#id_address", "Et annet sted")
        send(page, "form.edit-form")
        assert page.locator(".error-summary").is_visible()
        tour.here(page, "events:edit", "with two places chosen (400)")
    tour.done()
