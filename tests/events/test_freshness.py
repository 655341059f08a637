"""The cached event pages and calendar files show each change at the very next request, to the
public and to a planner, in bokmål and English: a new, changed or cancelled event, a sign-up
(places left), and the clock (sign-up closes at the start; the event moves to the archive)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from asker import roles
from events import services
from events.models import Event
from tests.asker.test_page_freshness import load, prefix, viewer, warm  # noqa: F401  (shared fixtures)
from tests.events.factories import EventFactory
from tests.events.test_permissions import form_data
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
LIST, FEED = "/arrangementer/", "/arrangementer/sted/heggedal/kalender.ics"


@pytest.fixture
def host(db):
    return UserFactory(username="vert", role=roles.PLANNER)


@pytest.fixture
def event(heggedal):
    return EventFactory(centre=heggedal, title="Folkemøte om torget", capacity=3)


def test_a_new_event_shows_at_once(viewer, prefix, heggedal, host, client):  # noqa: F811
    before = warm(viewer, prefix, [LIST, FEED, "/arrangementer/?senter=heggedal"])
    assert all("Nytt møte om parken" not in page for page in before.values())
    from django.test import Client

    planner = Client()
    planner.force_login(host)
    response = planner.post("/arrangementer/ny/", form_data(title="Nytt møte om parken", address="",
                                                            centre=str(heggedal.pk)))
    assert response.status_code == 302
    after = load(viewer, prefix, [LIST, FEED, "/arrangementer/?senter=heggedal"])
    assert all("Nytt møte om parken" in page for page in after.values())


def test_a_changed_and_a_cancelled_event_show_at_once(viewer, prefix, event, host):  # noqa: F811
    paths = [LIST, event.get_absolute_url(), FEED, f"/arrangementer/{event.pk}/kalender.ics"]
    warm(viewer, prefix, paths)
    event.title = "Folkemøte om torget og parken"
    form_event = Event.objects.get(pk=event.pk)
    from events.forms import EventForm

    local = lambda moment: timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")  # noqa: E731
    form = EventForm(form_data(title="Folkemøte om torget og parken", address="", centre=str(event.centre_id),
                               starts_at=local(event.starts_at), ends_at=local(event.ends_at), capacity="3"),
                     instance=form_event)
    assert form.is_valid(), form.errors
    services.save_event(form, host)
    after = load(viewer, prefix, paths)
    assert all("Folkemøte om torget og parken" in page for page in after.values())
    services.cancel_event(event, host)
    after = load(viewer, prefix, paths)
    assert ("Avlyst" if prefix == "" else "Cancelled") in after[LIST]
    assert "STATUS:CANCELLED" in after[FEED]


def test_a_sign_up_changes_the_places_left(viewer, prefix, event):  # noqa: F811
    path = event.get_absolute_url()
    before = warm(viewer, prefix, [path, LIST])
    assert ("3 plasser, 3 igjen" if prefix == "" else "3 places, 3 left") in before[path]
    services.sign_up(event, UserFactory(username="deltaker"))
    after = load(viewer, prefix, [path, LIST])
    assert ("3 plasser, 2 igjen" if prefix == "" else "3 places, 2 left") in after[path]
    assert after[LIST] != before[LIST]


def test_sign_up_closes_by_the_clock(viewer, prefix, event, monkeypatch):  # noqa: F811
    path = event.get_absolute_url()
    before = warm(viewer, prefix, [path])
    closed = "Påmeldingen stengte da arrangementet startet." if prefix == "" else "Sign-up closed when the event started."
    assert closed not in before[path]
    later = event.starts_at + timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)  # no row changes: only time passes
    assert closed in load(viewer, prefix, [path])[path]


def test_an_event_moves_to_the_archive_by_the_clock(viewer, prefix, event, monkeypatch):  # noqa: F811
    before = warm(viewer, prefix, [LIST, "/arrangementer/tidligere/", FEED])
    assert "Folkemøte om torget" in before[LIST] and "Folkemøte om torget" not in before["/arrangementer/tidligere/"]
    later = event.ends_at + timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    after = load(viewer, prefix, [LIST, "/arrangementer/tidligere/", FEED])
    assert "Folkemøte om torget" not in after[LIST] and "Folkemøte om torget" in after["/arrangementer/tidligere/"]
    assert "Folkemøte om torget" not in after[FEED]
