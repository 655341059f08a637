"""Role × action for events, answered on the server: anyone signed in signs up and cancels;
only planners, moderators and administrators make, change and cancel events and see who comes.
Signed out, every action asks to sign in; a resident gets 403 and changes nothing."""

from datetime import timedelta

import pytest
import rules
from django.utils import timezone

from asker import roles
from events.models import Event, Registration
from tests.events.factories import EventFactory, RegistrationFactory
from tests.factories import ALL_ROLES, login_as, user_with_role

pytestmark = pytest.mark.django_db
STAFF = (roles.PLANNER, roles.MODERATOR, roles.ADMINISTRATOR, "superuser")
LOGIN = "/konto/logg-inn/"


def form_data(event=None, **changes):
    starts = timezone.localtime(timezone.now() + timedelta(days=3)).replace(second=0, microsecond=0)
    data = {"kind": "folkemote", "title": "Folkemøte om biblioteket", "description": "", "centre": "",
            "innbyggertorg": "", "address": "Biblioteket, Heggedalsveien 2", "lon": "", "lat": "",
            "starts_at": starts.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": (starts + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"), "capacity": "", "publish": "on"}
    data.update(changes)
    return data


def expect_refused(response, role):
    if role is None:
        assert response.status_code == 302 and LOGIN in response["Location"]
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("role", [*ALL_ROLES, "superuser"])
def test_create(client, heggedal, role):
    login_as(client, role)
    page = client.get("/arrangementer/ny/")
    response = client.post("/arrangementer/ny/", form_data())
    created = Event.objects.filter(title="Folkemøte om biblioteket").first()
    if role in STAFF:
        assert page.status_code == 200 and response.status_code == 302
        assert response["Location"] == created.get_absolute_url()
    else:
        expect_refused(page, role)
        expect_refused(response, role)
        assert created is None


@pytest.mark.parametrize("role", [*ALL_ROLES, "superuser"])
def test_edit(client, event, role):
    login_as(client, role)
    page = client.get(f"/arrangementer/{event.pk}/endre/")
    response = client.post(f"/arrangementer/{event.pk}/endre/", form_data(title="Nytt navn"))
    event.refresh_from_db()
    if role in STAFF:
        assert page.status_code == 200 and response.status_code == 302 and event.title == "Nytt navn"
        assert event.sequence == 1
    else:
        expect_refused(page, role)
        expect_refused(response, role)
        assert event.title == "Folkemøte om Heggedal torg" and event.sequence == 0


@pytest.mark.parametrize("role", [*ALL_ROLES, "superuser"])
def test_cancel_event(client, event, role):
    login_as(client, role)
    page = client.get(f"/arrangementer/{event.pk}/avlys/")
    response = client.post(f"/arrangementer/{event.pk}/avlys/")
    event.refresh_from_db()
    if role in STAFF:
        assert page.status_code == 200 and response.status_code == 302 and event.is_cancelled
    else:
        expect_refused(page, role)
        expect_refused(response, role)
        assert event.state == Event.State.PUBLISHED


@pytest.mark.parametrize("role", [*ALL_ROLES, "superuser"])
def test_see_participants(client, event, role):
    RegistrationFactory(event=event, user__username="deltaker", user__first_name="Dagny")
    login_as(client, role)
    response = client.get(f"/arrangementer/{event.pk}/deltakere/")
    detail = client.get(event.get_absolute_url()).content.decode()
    if role in STAFF:
        assert response.status_code == 200 and "deltaker@example.org" in response.content.decode()
        assert f"/arrangementer/{event.pk}/deltakere/" in detail
    else:
        expect_refused(response, role)
        assert "deltaker" not in detail and "/deltakere/" not in detail


@pytest.mark.parametrize("role", [*ALL_ROLES, "superuser"])
def test_sign_up(client, event, role):
    login_as(client, role)
    response = client.post(f"/arrangementer/{event.pk}/meld-pa/")
    if role is None:
        expect_refused(response, role)
        assert not Registration.objects.exists()
    else:
        assert response.status_code == 302 and Registration.objects.filter(event=event).count() == 1


@pytest.mark.parametrize("role", [*ALL_ROLES, "superuser"])
def test_cancel_registration(client, event, role):
    user = user_with_role(role)
    if user is not None:
        RegistrationFactory(event=event, user=user)
        client.force_login(user)
    other = RegistrationFactory(event=event)
    response = client.post(f"/arrangementer/{event.pk}/meld-av/")
    if role is None:
        expect_refused(response, role)
    else:
        assert response.status_code == 302
    # Only one's own: someone else's registration stays whatever the role.
    assert list(Registration.objects.filter(event=event)) == [other]


@pytest.mark.parametrize("role", [*ALL_ROLES, "superuser"])
def test_drafts_are_seen_only_by_those_who_keep_events(client, heggedal, role):
    draft = EventFactory(centre=heggedal, state=Event.State.DRAFT, title="Hemmelig utkast")
    login_as(client, role)
    detail = client.get(draft.get_absolute_url())
    listing = client.get("/arrangementer/").content.decode()
    ics = client.get(f"/arrangementer/{draft.pk}/kalender.ics")
    assert ics.status_code == 404  # a calendar file is passed on: never a draft
    if role in STAFF:
        assert detail.status_code == 200 and "Hemmelig utkast" in listing
    else:
        assert detail.status_code == 404 and "Hemmelig utkast" not in listing


def test_the_rules_themselves(event):
    resident, planner = user_with_role(roles.RESIDENT), user_with_role(roles.PLANNER)
    assert rules.has_perm("events.sign_up", resident, event)
    assert not rules.has_perm("events.manage_events", resident)
    assert rules.has_perm("events.cancel_event", planner, event)
    event.state = Event.State.CANCELLED
    assert not rules.has_perm("events.cancel_event", planner, event)
    assert not rules.has_perm("events.sign_up", resident, event)
