"""The new-event and change pages: every kind of bad input gets a message next to its field and
in the error summary, a 400, and changes nothing; good input saves."""

from datetime import timedelta

import pytest
from django.utils import timezone

from events.models import Event
from tests.events.factories import EventFactory, RegistrationFactory
from tests.events.test_permissions import form_data

pytestmark = pytest.mark.django_db

ONE_PLACE = "Velg nøyaktig ett sted: et innbyggertorg, et senter eller en adresse."


def local(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def post_new(client, summary=True, **changes):
    before = Event.objects.count()
    response = client.post("/arrangementer/ny/", form_data(**changes))
    assert response.status_code == 400, response.status_code
    assert Event.objects.count() == before
    page = response.content.decode()
    assert ('class="error-summary"' in page) == summary
    return page


def test_a_good_event_is_saved_in_norwegian_time(planner_client, torg):
    response = planner_client.post("/arrangementer/ny/", form_data(
        address="", innbyggertorg=str(torg.pk), starts_at="2030-06-01T18:00", ends_at="2030-06-01T20:00",
        capacity="30", title="Lene-timen", kind="lene-timen"))
    event = Event.objects.get()
    assert response.status_code == 302 and response["Location"] == event.get_absolute_url()
    assert event.starts_at.isoformat() == "2030-06-01T16:00:00+00:00"  # 18:00 in Oslo, summer time
    assert (event.innbyggertorg, event.capacity, event.state, event.created_by.username) == (
        torg, 30, Event.State.PUBLISHED, "plan")


def test_an_address_with_a_point(planner_client, asker):
    planner_client.post("/arrangementer/ny/", form_data(lon="10.45", lat="59.78"))
    event = Event.objects.get()
    assert (event.location.x, event.location.y) == (10.45, 59.78)


def test_unpublished_is_a_draft(planner_client, asker):
    data = form_data()
    del data["publish"]
    planner_client.post("/arrangementer/ny/", data)
    assert Event.objects.get().state == Event.State.DRAFT


@pytest.mark.parametrize("starts, ends", [("2030-06-01T18:00", "2030-06-01T17:00"),
                                          ("2030-06-01T18:00", "2030-06-01T18:00")])
def test_the_end_before_the_start(planner_client, asker, starts, ends):
    page = post_new(planner_client, starts_at=starts, ends_at=ends)
    assert "Arrangementet må slutte etter at det begynner." in page and 'id="id_ends_at-error"' in page


def test_a_start_in_the_past(planner_client, asker):
    past = timezone.now() - timedelta(days=1)
    page = post_new(planner_client, starts_at=local(past), ends_at=local(past + timedelta(hours=1)))
    assert "Starten kan ikke være tilbake i tid." in page


@pytest.mark.parametrize("value", ["i morgen", "2030-13-45T25:00", "9" * 300])
def test_times_that_are_not_times(planner_client, asker, value):
    page = post_new(planner_client, starts_at=value)
    assert 'id="id_starts_at-error"' in page


@pytest.mark.parametrize("value, message", [
    ("0", "Verdien må være større enn eller lik 1."),
    ("-3", "Verdien må være større enn eller lik 1."),
    ("ti", "Oppgi et heltall."),
    ("1.5", "Oppgi et heltall."),
    ("10001", "Verdien må være mindre enn eller lik 10000."),
    ("9" * 40, "Verdien må være mindre enn eller lik 10000."),
])
def test_capacity_that_is_not_a_number_of_places(planner_client, asker, value, message):
    page = post_new(planner_client, capacity=value)
    assert 'id="id_capacity-error"' in page and message in page


@pytest.mark.parametrize("field", ["title", "description", "address", "starts_at", "capacity", "innbyggertorg"])
def test_nul_bytes(planner_client, asker, field):
    """Refused before the view by the portal's control-character check (asker/middleware.py),
    which answers 400 with its own page; the form's own NUL check is the second line."""
    page = post_new(planner_client, summary=False, **{field: "1\x00om noe"})
    assert "Nytt arrangement" not in page


def test_the_form_refuses_nul_bytes_itself():
    from events.forms import EventForm

    form = EventForm(form_data(title="Møte\x00om noe"))
    assert not form.is_valid() and form.errors["title"] == ["Null-tegn er ikke tillatt."]


@pytest.mark.parametrize("field, limit", [("title", 200), ("address", 200), ("description", 5000)])
def test_too_long(planner_client, asker, field, limit):
    page = post_new(planner_client, **{field: "x" * (limit + 1)})
    assert f'id="id_{field}-error"' in page


def test_an_empty_title(planner_client, asker):
    page = post_new(planner_client, title="   ")
    assert 'id="id_title-error"' in page


@pytest.mark.parametrize("value", ["999999", "abc", "-1", "1.5"])
def test_an_unknown_innbyggertorg(planner_client, asker, value):
    page = post_new(planner_client, innbyggertorg=value, address="")
    assert 'id="id_innbyggertorg-error"' in page and "Velg et gyldig valg." in page
    assert ONE_PLACE not in page  # one message about the place, the one that says what is wrong


def test_an_unknown_centre(planner_client, asker):
    page = post_new(planner_client, centre="999999", address="")
    assert 'id="id_centre-error"' in page


def test_an_unknown_kind(planner_client, asker):
    page = post_new(planner_client, kind="fest")
    assert 'id="id_kind-error"' in page


def test_no_place(planner_client, asker):
    page = post_new(planner_client, address="")
    assert ONE_PLACE in page and 'id="id_innbyggertorg-error"' in page


@pytest.mark.parametrize("places", ["torg+centre", "torg+address", "centre+address", "all"])
def test_two_places(planner_client, torg, heggedal, places):
    chosen = {"innbyggertorg": str(torg.pk) if "torg" in places or places == "all" else "",
              "centre": str(heggedal.pk) if "centre" in places or places == "all" else "",
              "address": "Et sted" if "address" in places or places == "all" else ""}
    page = post_new(planner_client, **chosen)
    assert ONE_PLACE in page


@pytest.mark.parametrize("changes, field", [
    ({"lon": "10.45"}, "lat"),
    ({"lat": "59.78"}, "lon"),
    ({"lon": "abc", "lat": "59.78"}, "lon"),
    ({"lon": "200", "lat": "59.78"}, "lon"),
    ({"lon": "5.3", "lat": "60.39"}, "lon"),  # Bergen: outside Asker
])
def test_bad_points(planner_client, asker, changes, field):
    page = post_new(planner_client, **changes)
    assert f'id="id_{field}-error"' in page


def test_a_point_without_an_address(planner_client, heggedal):
    page = post_new(planner_client, address="", centre=str(heggedal.pk), lon="10.45", lat="59.78")
    assert "Et punkt oppgis bare sammen med en adresse." in page


def test_fewer_places_than_people_signed_up(planner_client, heggedal):
    event = EventFactory(centre=heggedal, capacity=5)
    for _ in range(3):
        RegistrationFactory(event=event)
    response = planner_client.post(f"/arrangementer/{event.pk}/endre/", form_data(
        address="", centre=str(heggedal.pk), capacity="2",
        starts_at=local(event.starts_at), ends_at=local(event.ends_at)))
    assert response.status_code == 400
    assert "3 personer har allerede plass: antall plasser kan ikke være lavere." in response.content.decode()
    event.refresh_from_db()
    assert event.capacity == 5 and event.sequence == 0


def test_a_started_event_keeps_its_start_when_changed(planner_client, heggedal):
    """An event under way can still be corrected: only a start moved into the past is refused."""
    now = timezone.now()
    event = EventFactory(centre=heggedal, starts_at=now - timedelta(hours=1), ends_at=now + timedelta(hours=1))
    response = planner_client.post(f"/arrangementer/{event.pk}/endre/", form_data(
        address="", centre=str(heggedal.pk), title="Rettet tittel",
        starts_at=local(event.starts_at), ends_at=local(event.ends_at)))
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.title == "Rettet tittel"


def test_english_messages(planner_client, asker):
    response = planner_client.post("/en/arrangementer/ny/", form_data(capacity="0", address=""))
    page = response.content.decode()
    assert response.status_code == 400
    assert "Choose exactly one place: an innbyggertorg, a centre or an address." in page
    assert "Ensure this value is greater than or equal to 1." in page


def test_a_cancelled_event_is_not_published_again_by_the_form(planner_client, heggedal):
    event = EventFactory(centre=heggedal, state=Event.State.CANCELLED)
    planner_client.post(f"/arrangementer/{event.pk}/endre/", form_data(
        address="", centre=str(heggedal.pk), starts_at=local(event.starts_at), ends_at=local(event.ends_at)))
    event.refresh_from_db()
    assert event.state == Event.State.CANCELLED


def test_unknown_events_are_404(planner_client, asker):
    for path in ("endre/", "avlys/", "deltakere/", "", "kalender.ics"):
        assert planner_client.get(f"/arrangementer/99999/{path}").status_code == 404
    for path in ("meld-pa/", "meld-av/", "avlys/", "endre/"):
        assert planner_client.post(f"/arrangementer/99999/{path}").status_code == 404


def test_actions_are_post_only(kari, event):
    for path in ("meld-pa/", "meld-av/"):
        assert kari.get(f"/arrangementer/{event.pk}/{path}").status_code == 405


def test_cancelling_a_cancelled_event_says_so(planner_client, heggedal):
    event = EventFactory(centre=heggedal, state=Event.State.CANCELLED)
    page = planner_client.get(f"/arrangementer/{event.pk}/avlys/").content.decode()
    assert "Arrangementet er allerede avlyst." in page
    response = planner_client.post(f"/arrangementer/{event.pk}/avlys/", follow=True)
    assert "Arrangementet er allerede avlyst." in response.content.decode()


def test_forms_need_the_csrf_token(heggedal, resident, planner):
    from django.test import Client

    event = EventFactory(centre=heggedal)
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(resident)
    assert browser.post(f"/arrangementer/{event.pk}/meld-pa/").status_code == 403
    browser.force_login(planner)
    assert browser.post("/arrangementer/ny/", form_data()).status_code == 403
    assert browser.post(f"/arrangementer/{event.pk}/avlys/").status_code == 403
    event.refresh_from_db()
    assert event.state == Event.State.PUBLISHED and not event.registrations.exists()
