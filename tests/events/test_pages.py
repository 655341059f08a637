"""The list of coming events, the archive and an event's page: what they show, in Norwegian time
and both languages, the centre filter and its bad input, and a bounded number of queries."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from asker import roles
from events.models import Event
from tests.events.factories import EventFactory, InnbyggertorgFactory, RegistrationFactory
from tests.factories import CentreFactory, UserFactory

pytestmark = pytest.mark.django_db
OSLO = ZoneInfo("Europe/Oslo")


def test_coming_and_past_events_are_apart(client, heggedal):
    now = timezone.now()
    EventFactory(centre=heggedal, title="Kommende møte")
    EventFactory(centre=heggedal, title="Gammelt møte", starts_at=now - timedelta(days=3),
                 ends_at=now - timedelta(days=3) + timedelta(hours=2))
    coming = client.get("/arrangementer/")
    archive = client.get("/arrangementer/tidligere/")
    assert coming.status_code == 200 and archive.status_code == 200
    assert "Kommende møte" in coming.content.decode() and "Gammelt møte" not in coming.content.decode()
    assert "Gammelt møte" in archive.content.decode() and "Kommende møte" not in archive.content.decode()


def test_an_event_under_way_is_still_coming(client, heggedal):
    now = timezone.now()
    EventFactory(centre=heggedal, title="Pågår nå", starts_at=now - timedelta(minutes=30),
                 ends_at=now + timedelta(minutes=30))
    assert "Pågår nå" in client.get("/arrangementer/").content.decode()


def test_the_centre_filter_includes_its_innbyggertorg(client, heggedal, torg):
    other = CentreFactory(name="Slemmestad", slug="slemmestad")
    EventFactory(centre=heggedal, title="I Heggedal")
    EventFactory(centre=None, innbyggertorg=torg, title="På innbyggertorget")
    EventFactory(centre=other, title="I Slemmestad")
    page = client.get("/arrangementer/?senter=heggedal").content.decode()
    assert "I Heggedal" in page and "På innbyggertorget" in page and "I Slemmestad" not in page
    assert "/arrangementer/sted/heggedal/kalender.ics" in page


@pytest.mark.parametrize("query", ["senter=finnes-ikke", "senter=%C3%A6%C3%B8", "senter=" + "x" * 300])
def test_an_unknown_centre_is_400_with_a_message(client, heggedal, query):
    for path in ("/arrangementer/", "/arrangementer/tidligere/"):
        response = client.get(f"{path}?{query}")
        assert response.status_code == 400
        assert "Ukjent senter. Velg et fra listen." in response.content.decode()


@pytest.mark.parametrize("side", ["abc", "-1", "99999", "1.5"])
def test_bad_page_numbers_give_a_page(client, heggedal, side):
    EventFactory(centre=heggedal)
    assert client.get(f"/arrangementer/?side={side}").status_code == 200


def test_the_detail_in_norwegian_time(client, heggedal):
    starts = datetime(2031, 1, 15, 18, 0, tzinfo=OSLO)  # winter: UTC+1
    event = EventFactory(centre=heggedal, title="Vintermøte", starts_at=starts, ends_at=starts + timedelta(hours=2),
                         capacity=40)
    page = client.get(event.get_absolute_url()).content.decode()
    assert "15. januar 2031 kl. 18:00" in page and "20:00" in page
    assert 'datetime="2031-01-15T18:00:00+0100"' in page
    assert "40 plasser, 40 igjen" in page and "Heggedal" in page
    assert "Logg inn for å melde deg på" in page
    english = client.get(f"/en{event.get_absolute_url()}").content.decode()
    assert "15 January 2031, 18:00" in english and "40 places, 40 left" in english
    assert "Sign in to sign up" in english


def test_the_detail_of_an_innbyggertorg_event(client, torg):
    event = EventFactory(centre=None, innbyggertorg=torg, kind=Event.Kind.LENE_TIMEN)
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Heggedal innbyggertorg" in page and "Heggedalsveien 1" in page
    assert "Lene-timen: uformelt møte med ordføreren" in page
    assert 'href="/steder/heggedal/"' in page


def test_the_detail_of_an_address_event_and_a_cancelled_one(client, heggedal):
    event = EventFactory(centre=None, address="Gamle skole, <b>Bøveien 3</b>", state=Event.State.CANCELLED)
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Gamle skole, &lt;b&gt;Bøveien 3&lt;/b&gt;" in page  # user text escaped
    assert "Arrangementet er avlyst." in page and "Meld meg på" not in page


def test_a_signed_in_resident_sees_the_button_and_after_the_start_not(client, heggedal):
    client.force_login(UserFactory(username="kari", role=roles.RESIDENT))
    event = EventFactory(centre=heggedal)
    assert "Meld meg på" in client.get(event.get_absolute_url()).content.decode()
    now = timezone.now()
    started = EventFactory(centre=heggedal, starts_at=now - timedelta(minutes=5), ends_at=now + timedelta(hours=1))
    page = client.get(started.get_absolute_url()).content.decode()
    assert "Påmeldingen stengte da arrangementet startet." in page and "Meld meg på" not in page


def test_a_full_event_offers_the_waiting_list(client, heggedal):
    event = EventFactory(centre=heggedal, capacity=1)
    RegistrationFactory(event=event)
    client.force_login(UserFactory(username="kari"))
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Sett meg på ventelisten" in page and "1 plass, 0 igjen" in page
    assert "Fullt: venteliste" in client.get("/arrangementer/").content.decode()


def many_events(centre, torg, count):
    for i in range(count):
        kind = {0: {"centre": centre}, 1: {"centre": None, "innbyggertorg": torg},
                2: {"centre": None, "address": "Et sted"}}[i % 3]
        event = EventFactory(capacity=5 if i % 2 else None, **kind)
        if i % 4 == 0:
            RegistrationFactory(event=event)


@pytest.mark.parametrize("count", [5, 60])
@pytest.mark.parametrize("role", [None, roles.PLANNER])
def test_queries_are_bounded(client, heggedal, torg, django_assert_max_num_queries, count, role, settings):
    settings.PAGE_CACHE = False
    many_events(heggedal, torg, count)
    if role:
        client.force_login(UserFactory(username="someone", role=role))
    event = Event.objects.first()
    RegistrationFactory(event=event, user=UserFactory(username="other"))
    paths = ["/arrangementer/", "/arrangementer/?senter=heggedal", "/arrangementer/tidligere/",
             event.get_absolute_url(), "/arrangementer/sted/heggedal/kalender.ics",
             f"/arrangementer/{event.pk}/kalender.ics"]
    if role:
        paths += [f"/arrangementer/{event.pk}/deltakere/", f"/arrangementer/{event.pk}/endre/",
                  f"/arrangementer/{event.pk}/avlys/", "/arrangementer/ny/"]
    for path in paths:
        with django_assert_max_num_queries(12):
            response = client.get(path)
        assert response.status_code == 200, path


def test_the_list_pages(client, heggedal):
    for _ in range(30):
        EventFactory(centre=heggedal)
    first = client.get("/arrangementer/").content.decode()
    assert items(first) == 25 and "Side 1 av 2" in first
    assert items(client.get("/arrangementer/?side=2").content.decode()) == 5


def items(page):
    return page.split('<ul class="events">')[1].split("</ul>")[0].count("<li>")


def test_staff_see_the_new_event_link(client, heggedal):
    assert "/arrangementer/ny/" not in client.get("/arrangementer/").content.decode()
    client.force_login(UserFactory(username="mod", role=roles.MODERATOR))
    assert "/arrangementer/ny/" in client.get("/arrangementer/").content.decode()


def test_innbyggertorg_without_address(client, heggedal):
    torg = InnbyggertorgFactory(centre=heggedal, address="", name="Torget")
    event = EventFactory(centre=None, innbyggertorg=torg)
    assert client.get(event.get_absolute_url()).status_code == 200
