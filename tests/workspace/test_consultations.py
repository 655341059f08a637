"""Planners open, edit and close consultations; nobody else can."""

import pytest
from django.utils import timezone

from asker import roles
from participation.models import Consultation
from tests.factories import ALL_ROLES, ConsultationFactory, user_with_role

pytestmark = pytest.mark.django_db


def data(world, **changes):
    values = {"title": "Høring om Heggedal sentrum", "slug": "", "text": "Si din mening.", "plan": world["plan"].pk,
              "project": "", "centre": "", "opens_at": "2026-12-01T09:00", "closes_at": "2027-01-15T23:59",
              "moderation": "pre", "retention_days": "365", "area": ""}
    values.update(changes)
    return values


def test_create_in_norwegian_time(planner_client, world):
    response = planner_client.post("/planlegger/medvirkning/ny/", data(world))
    assert response.status_code == 302
    c = Consultation.objects.get()
    assert c.slug == "horing-om-heggedal-sentrum"
    assert timezone.localtime(c.opens_at).strftime("%Y-%m-%d %H:%M %Z") == "2026-12-01 09:00 CET"
    assert c.subject == world["plan"] and c.subject_area() == world["plan"].boundary


@pytest.mark.parametrize("changes, message", [
    ({"plan": ""}, "én plan, ett prosjekt eller ett senter"),
    ({"centre": "{heggedal}"}, "én plan, ett prosjekt eller ett senter"),
    ({"closes_at": "2026-11-30T09:00"}, "stenge etter at den åpner"),
    ({"opens_at": "i morgen"}, "gyldig dato"),
    ({"moderation": "ingen"}, "Velg et gyldig valg"),
    ({"title": ""}, "påkrevet"),
    ({"project": "{secret}", "plan": ""}, "Velg et gyldig valg"),
])
def test_bad_input(planner_client, world, changes, message):
    changes = {k: v.format(heggedal=world["heggedal"].pk, secret=world["secret"].pk) for k, v in changes.items()}
    response = planner_client.post("/planlegger/medvirkning/ny/", data(world, **changes))
    assert response.status_code == 400 and message in response.content.decode()
    assert not Consultation.objects.exists()


def test_close_now(planner_client, world):
    c = ConsultationFactory(municipality=world["plan"].municipality, plan=world["plan"])
    assert c.is_open
    planner_client.post(f"/planlegger/medvirkning/{c.pk}/lukk/")
    c.refresh_from_db()
    assert not c.is_open


@pytest.mark.parametrize("role", ALL_ROLES)
def test_only_planners_manage_consultations(client, world, role):
    user = user_with_role(role)
    if user:
        client.force_login(user)
    c = ConsultationFactory(municipality=world["plan"].municipality, plan=world["plan"])
    allowed = role in (roles.PLANNER, roles.ADMINISTRATOR)
    response = client.post("/planlegger/medvirkning/ny/", data(world, title="Ny"))
    close = client.post(f"/planlegger/medvirkning/{c.pk}/lukk/")
    c.refresh_from_db()
    assert Consultation.objects.filter(title="Ny").exists() == allowed
    assert c.is_open != allowed
    if not allowed:
        assert response.status_code in (302, 403) and close.status_code in (302, 403)
