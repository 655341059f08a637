"""The participant's e-mail: in the language of the page they signed up on, with the time in
Norwegian time and links to the event and its calendar file; never to an inactive account."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from events import tasks
from tests.events.factories import EventFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
WINTER = datetime(2031, 1, 15, 18, 0, tzinfo=ZoneInfo("Europe/Oslo"))


@pytest.fixture
def winter_event(heggedal):
    return EventFactory(centre=heggedal, title="Vintermøte", starts_at=WINTER, ends_at=WINTER + timedelta(hours=2))


def test_signed_up_on_an_english_page(client, winter_event, mailoutbox, django_capture_on_commit_callbacks):
    client.force_login(UserFactory(username="anna"))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/arrangementer/{winter_event.pk}/meld-pa/")
    (mail,) = mailoutbox
    assert mail.subject == "You are signed up: Vintermøte"
    assert "15 January 2031, 18:00 – 20:00" in mail.body
    assert f"/arrangementer/{winter_event.pk}/kalender.ics" in mail.body and "Where: Heggedal" in mail.body


def test_in_bokmal(client, winter_event, mailoutbox, django_capture_on_commit_callbacks):
    client.force_login(UserFactory(username="kari"))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/arrangementer/{winter_event.pk}/meld-pa/")
    assert "15. januar 2031 kl. 18:00 – 20:00" in mailoutbox[0].body
    assert "Hvor: Heggedal" in mailoutbox[0].body


def test_nobody_without_an_address_or_account(winter_event, mailoutbox):
    gone = UserFactory(username="borte", is_active=False)
    silent = UserFactory(username="stille", email="")
    assert not tasks.tell_participant(winter_event.pk, gone.pk, "signed_up", "nb")
    assert not tasks.tell_participant(winter_event.pk, silent.pk, "signed_up", "nb")
    assert not tasks.tell_participant(0, silent.pk, "signed_up", "nb")
    assert not tasks.tell_participant(winter_event.pk, gone.pk, "unknown", "nb")
    assert not mailoutbox
