"""Signing up, the waiting list, cancelling and moving up, with the e-mail each sends (Celery
runs eagerly in the tests; the mail is queued after the commit)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from events import services
from events.models import Registration
from tests.events.factories import EventFactory, RegistrationFactory
from tests.factories import UserFactory

R = Registration.State


@pytest.fixture
def two_places(heggedal):
    return EventFactory(title="Verksted om parken", centre=heggedal, capacity=2)


@pytest.fixture
def people(db):
    return [UserFactory(username=name) for name in ("anne", "bjorn", "cecilie", "dag")]


def sign_up_all(event, people, capture):
    with capture(execute=True):
        return [services.sign_up(event, person) for person in people]


def test_past_capacity_people_go_to_the_waiting_list(two_places, people, mailoutbox,
                                                     django_capture_on_commit_callbacks):
    registrations = sign_up_all(two_places, people, django_capture_on_commit_callbacks)
    assert [r.state for r in registrations] == [R.CONFIRMED, R.CONFIRMED, R.WAITING, R.WAITING]
    subjects = [m.subject for m in mailoutbox]
    assert subjects == ["Du er påmeldt: Verksted om parken", "Du er påmeldt: Verksted om parken",
                        "Du står på venteliste: Verksted om parken", "Du står på venteliste: Verksted om parken"]
    assert [m.to for m in mailoutbox] == [[p.email] for p in people]
    assert "/arrangementer/%d/" % two_places.pk in mailoutbox[0].body
    assert services.waiting_position(registrations[3]) == 2


def test_a_cancellation_moves_the_first_waiting_person_up(two_places, people, mailoutbox,
                                                          django_capture_on_commit_callbacks):
    sign_up_all(two_places, people, django_capture_on_commit_callbacks)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.cancel_registration(two_places, people[0]) == R.CONFIRMED
    states = dict(Registration.objects.filter(event=two_places).values_list("user__username", "state"))
    assert states == {"bjorn": R.CONFIRMED, "cecilie": R.CONFIRMED, "dag": R.WAITING}
    assert [(m.to, m.subject) for m in mailoutbox] == [
        (["anne@example.org"], "Påmeldingen din er avmeldt: Verksted om parken"),
        (["cecilie@example.org"], "Du har fått plass: Verksted om parken"),
    ]
    assert "venteliste" in mailoutbox[1].body


def test_cancelling_from_the_waiting_list_moves_nobody(two_places, people, mailoutbox,
                                                      django_capture_on_commit_callbacks):
    sign_up_all(two_places, people, django_capture_on_commit_callbacks)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.cancel_registration(two_places, people[2]) == R.WAITING
    states = dict(Registration.objects.filter(event=two_places).values_list("user__username", "state"))
    assert states == {"anne": R.CONFIRMED, "bjorn": R.CONFIRMED, "dag": R.WAITING}
    assert [m.to for m in mailoutbox] == [["cecilie@example.org"]]
    assert services.waiting_position(Registration.objects.get(user=people[3])) == 1


def test_unlimited_events_have_no_waiting_list(heggedal, people, django_capture_on_commit_callbacks):
    event = EventFactory(centre=heggedal, capacity=None)
    assert {r.state for r in sign_up_all(event, people, django_capture_on_commit_callbacks)} == {R.CONFIRMED}


def test_more_places_move_people_up(two_places, people, mailoutbox, django_capture_on_commit_callbacks, planner):
    from events.forms import EventForm

    sign_up_all(two_places, people, django_capture_on_commit_callbacks)
    mailoutbox.clear()
    form = EventForm({"kind": two_places.kind, "title": two_places.title, "centre": two_places.centre_id,
                      "starts_at": timezone.localtime(two_places.starts_at).strftime("%Y-%m-%dT%H:%M"),
                      "ends_at": timezone.localtime(two_places.ends_at).strftime("%Y-%m-%dT%H:%M"),
                      "capacity": "3", "publish": "on"}, instance=two_places)
    assert form.is_valid(), form.errors
    with django_capture_on_commit_callbacks(execute=True):
        services.save_event(form, planner)
    assert Registration.objects.get(user=people[2]).state == R.CONFIRMED
    assert Registration.objects.get(user=people[3]).state == R.WAITING
    assert [m.to for m in mailoutbox] == [["cecilie@example.org"]]


def test_sign_up_is_refused_once_the_event_has_started(heggedal, resident, kari, mailoutbox):
    now = timezone.now()
    event = EventFactory(centre=heggedal, starts_at=now - timedelta(minutes=1), ends_at=now + timedelta(hours=1))
    with pytest.raises(services.Refused, match="Påmeldingen stengte da arrangementet startet"):
        services.sign_up(event, resident)
    response = kari.post(f"/arrangementer/{event.pk}/meld-pa/")
    assert response.status_code == 400
    assert "Påmeldingen stengte da arrangementet startet" in response.content.decode()
    assert not Registration.objects.exists() and not mailoutbox


def test_cancelling_is_refused_once_the_event_has_started(heggedal, resident, kari):
    now = timezone.now()
    event = EventFactory(centre=heggedal, starts_at=now - timedelta(minutes=1), ends_at=now + timedelta(hours=1))
    RegistrationFactory(event=event, user=resident)
    response = kari.post(f"/arrangementer/{event.pk}/meld-av/")
    assert response.status_code == 400
    assert Registration.objects.filter(event=event, user=resident).exists()


def test_double_sign_up_is_refused_with_a_message(event, resident, kari, mailoutbox,
                                                  django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = kari.post(f"/arrangementer/{event.pk}/meld-pa/", follow=True)
    assert response.status_code == 200 and "Du er påmeldt" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = kari.post(f"/arrangementer/{event.pk}/meld-pa/")
    assert response.status_code == 400
    assert "Du er allerede påmeldt dette arrangementet." in response.content.decode()
    assert Registration.objects.filter(event=event, user=resident).count() == 1
    assert len(mailoutbox) == 1


def test_cancelling_without_a_registration_is_refused(event, kari):
    response = kari.post(f"/arrangementer/{event.pk}/meld-av/")
    assert response.status_code == 400
    assert "Du er ikke påmeldt dette arrangementet." in response.content.decode()


def test_a_cancelled_or_draft_event_takes_no_sign_ups(heggedal, resident):
    for state, message in (("cancelled", "Arrangementet er avlyst."),
                           ("draft", "Arrangementet er ikke åpent for påmelding.")):
        event = EventFactory(centre=heggedal, state=state)
        with pytest.raises(services.Refused, match=message):
            services.sign_up(event, resident)
    assert not Registration.objects.exists()


def test_the_page_shows_places_left_and_the_position(two_places, people, client,
                                                     django_capture_on_commit_callbacks):
    sign_up_all(two_places, people, django_capture_on_commit_callbacks)
    client.force_login(people[3])
    page = client.get(f"/arrangementer/{two_places.pk}/").content.decode()
    assert "Du er nummer 2 på ventelisten." in page
    assert "2 plasser, 0 igjen" in page and "2 på ventelisten" in page
    response = client.post(f"/arrangementer/{two_places.pk}/meld-av/", follow=True)
    assert "Du står ikke lenger på ventelisten." in response.content.decode()


def test_signing_up_and_cancelling_is_rate_limited(heggedal, resident, settings):
    settings.EVENT_SIGNUP_RATE_LIMIT = (3, 3600)
    event = EventFactory(centre=heggedal)
    services.sign_up(event, resident)
    services.cancel_registration(event, resident)
    services.sign_up(event, resident)
    with pytest.raises(services.Refused, match="mange ganger"):
        services.cancel_registration(event, resident)
    assert Registration.objects.filter(event=event, user=resident).exists()


def test_cancelling_the_event_tells_everyone(two_places, people, planner, mailoutbox,
                                             django_capture_on_commit_callbacks):
    sign_up_all(two_places, people, django_capture_on_commit_callbacks)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_event(two_places, planner)
    assert sorted(m.to[0] for m in mailoutbox) == sorted(p.email for p in people)
    assert {m.subject for m in mailoutbox} == {"Avlyst: Verksted om parken"}


def test_a_deleted_account_gives_its_place_to_the_waiting_list(two_places, people, mailoutbox,
                                                               django_capture_on_commit_callbacks):
    sign_up_all(two_places, people, django_capture_on_commit_callbacks)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        people[0].delete()
    states = dict(Registration.objects.filter(event=two_places).values_list("user__username", "state"))
    assert states == {"bjorn": R.CONFIRMED, "cecilie": R.CONFIRMED, "dag": R.WAITING}
    assert [(m.to, m.subject) for m in mailoutbox] == [
        (["cecilie@example.org"], "Du har fått plass: Verksted om parken")]
