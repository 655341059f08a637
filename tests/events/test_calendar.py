"""The iCalendar files, read back by two independent parsers (icalendar, which wrote them, and
vobject) and by hand: times, summaries, count, stable UIDs, escaping, the content type."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
import vobject
from django.utils import timezone

from events.models import Event
from tests.events.factories import EventFactory
from tests.factories import CentreFactory

pytestmark = pytest.mark.django_db
OSLO = ZoneInfo("Europe/Oslo")
SUMMER = datetime(2031, 6, 12, 18, 0, tzinfo=OSLO)
TRICKY = "Møte; om «torg», parken\\stien\nog mer"


def fetch(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response.content


def both(content):
    """The calendar as icalendar reads it, and the VEVENTs as vobject reads them."""
    cal = icalendar.Calendar.from_ical(content)
    parsed = vobject.readOne(content.decode("utf-8"))
    return cal, list(getattr(parsed, "vevent_list", []))


def test_one_event(client, heggedal):
    event = EventFactory(centre=heggedal, title=TRICKY, description="Linje 1\nLinje 2, med komma; og semikolon",
                         starts_at=SUMMER, ends_at=SUMMER + timedelta(hours=2), capacity=10)
    content = fetch(client, f"/arrangementer/{event.pk}/kalender.ics")
    cal, vevents = both(content)
    entries = list(cal.walk("VEVENT"))
    assert len(entries) == 1 and len(vevents) == 1
    entry, vevent = entries[0], vevents[0]
    # 18:00 in Oslo in summer is 16:00 UTC, written in UTC (no VTIMEZONE needed).
    assert entry.decoded("dtstart") == datetime(2031, 6, 12, 16, 0, tzinfo=UTC)
    assert vevent.dtstart.value == datetime(2031, 6, 12, 16, 0, tzinfo=UTC)
    assert vevent.dtend.value.astimezone(OSLO) == SUMMER + timedelta(hours=2)
    assert b"DTSTART:20310612T160000Z" in content
    assert str(entry["summary"]) == TRICKY and vevent.summary.value == TRICKY
    assert vevent.description.value == "Linje 1\nLinje 2, med komma; og semikolon"
    assert "Møte\\; om «torg»\\, parken\\\\stien\\nog mer" in content.decode()  # RFC 5545 escaping
    assert vevent.location.value == "Heggedal"
    assert vevent.url.value.startswith("http") and vevent.url.value.endswith(event.get_absolute_url())
    assert vevent.uid.value.startswith(str(event.uid)) and "dtstamp" in vevent.contents
    assert vevent.status.value == "CONFIRMED"
    assert all(len(line) <= 75 for line in content.split(b"\r\n"))  # folded
    assert cal["version"] == "2.0" and cal["prodid"]


def test_the_uid_stays_and_the_sequence_grows_when_changed(client, planner_client, heggedal):
    event = EventFactory(centre=heggedal)
    path = f"/arrangementer/{event.pk}/kalender.ics"
    first = both(fetch(client, path))[1][0]
    planner_client.post(f"/arrangementer/{event.pk}/avlys/")
    second = both(fetch(client, path))[1][0]
    assert first.uid.value == second.uid.value
    assert (first.sequence.value, second.sequence.value) == ("0", "1")
    assert second.status.value == "CANCELLED"
    assert second.dtstamp.value >= first.dtstamp.value


def test_the_centre_feed(client, heggedal, torg):
    now = timezone.now()
    other = CentreFactory(name="Slemmestad", slug="slemmestad")
    EventFactory(centre=heggedal, title="I senteret", starts_at=SUMMER, ends_at=SUMMER + timedelta(hours=1))
    EventFactory(centre=None, innbyggertorg=torg, title="På torget", starts_at=SUMMER + timedelta(days=1),
                 ends_at=SUMMER + timedelta(days=1, hours=1))
    EventFactory(centre=heggedal, title="Avlyst", state=Event.State.CANCELLED)
    EventFactory(centre=heggedal, title="Utkast", state=Event.State.DRAFT)
    EventFactory(centre=heggedal, title="Forbi", starts_at=now - timedelta(days=2), ends_at=now - timedelta(days=1))
    EventFactory(centre=other, title="Et annet sted")
    content = fetch(client, "/arrangementer/sted/heggedal/kalender.ics")
    cal, vevents = both(content)
    summaries = sorted(str(e["summary"]) for e in cal.walk("VEVENT"))
    assert summaries == ["Avlyst", "I senteret", "På torget"]
    assert sorted(v.summary.value for v in vevents) == summaries
    torg_entry = next(v for v in vevents if v.summary.value == "På torget")
    assert torg_entry.location.value == "Heggedal innbyggertorg, Heggedalsveien 1"
    assert torg_entry.dtstart.value == (SUMMER + timedelta(days=1)).astimezone(UTC)
    assert "Heggedal" in str(cal["x-wr-calname"])
    assert len({v.uid.value for v in vevents}) == 3


def test_an_empty_feed_is_a_valid_calendar(client, heggedal):
    cal, vevents = both(fetch(client, "/arrangementer/sted/heggedal/kalender.ics"))
    assert cal.walk("VEVENT") == [] and vevents == []


def test_unknown_centres_and_events_are_404(client, heggedal):
    assert client.get("/arrangementer/sted/finnes-ikke/kalender.ics").status_code == 404
    assert client.get("/arrangementer/0/kalender.ics").status_code == 404


def test_the_files_are_the_same_until_something_changes(client, heggedal):
    """DTSTAMP is the event's last change, not the time of the request: a calendar that asks
    again gets the same bytes (and the page cache a 304)."""
    event = EventFactory(centre=heggedal)
    path = f"/arrangementer/{event.pk}/kalender.ics"
    first = client.get(path)
    again = client.get(path, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert fetch(client, path) == first.content
