"""Asking to represent an organisation: one waiting request per person and organisation, the
administrator approves (the person becomes a representative and joins the role group) or refuses."""

import pytest
from django.contrib.auth import get_user_model

from asker import roles
from tests.factories import UserFactory
from volunteering import services
from volunteering.models import RepresentationRequest, Representative

pytestmark = pytest.mark.django_db
ORG = "/frivillighet/organisasjoner/974760673/"


@pytest.fixture
def kari(client, org):
    user = UserFactory(username="kari", role=roles.RESIDENT)
    client.force_login(user)
    return user


def test_ask_then_wait(client, org, kari):
    client.post(ORG + "representere/", {"message": "Jeg er leder i korpset."})
    asked = RepresentationRequest.objects.get(user=kari)
    assert asked.state == "pending" and asked.message == "Jeg er leder i korpset."
    page = client.get(ORG).content.decode()
    assert "Du har bedt om å representere denne organisasjonen" in page
    response = client.post(ORG + "representere/", {"message": "Igjen"}, follow=True)
    assert "Du har allerede bedt om å representere" in response.content.decode()
    assert RepresentationRequest.objects.filter(user=kari).count() == 1


@pytest.mark.parametrize("message", ["x" * 1001, "nul\x00byte"])
def test_bad_message_changes_nothing(client, org, kari, message):
    response = client.post(ORG + "representere/", {"message": message}, follow=True)
    # A NUL byte is refused before the view by asker's middleware (400), too long by the form.
    assert response.status_code == (400 if "\x00" in message else 200)
    assert not RepresentationRequest.objects.exists()
    if "\x00" not in message:
        assert "1000" in response.content.decode()


def test_approve_makes_a_representative_in_the_role_group(client, org, kari):
    client.post(ORG + "representere/")
    asked = RepresentationRequest.objects.get(user=kari)
    admin = UserFactory(username="admin", role=roles.ADMINISTRATOR)
    client.force_login(admin)
    listing = client.get("/frivillighet/foresporsler/")
    assert listing.status_code == 200 and "kari" in listing.content.decode()
    client.post(f"/frivillighet/foresporsler/{asked.pk}/avgjor/", {"decision": "approve"})
    representative = Representative.objects.get(user=kari)
    assert representative.organisation == org and representative.approved_by == admin
    assert kari.groups.filter(name=roles.ORGANISATION_REPRESENTATIVE).exists()
    assert "Ingen forespørsler venter." in client.get("/frivillighet/foresporsler/").content.decode()
    # A second decision on the same request is refused.
    response = client.post(f"/frivillighet/foresporsler/{asked.pk}/avgjor/", {"decision": "refuse"}, follow=True)
    assert "allerede avgjort" in response.content.decode()
    client.force_login(kari)
    assert client.get(ORG + "endre/").status_code == 200


def test_refuse(client, org, kari):
    client.post(ORG + "representere/")
    asked = RepresentationRequest.objects.get(user=kari)
    client.force_login(UserFactory(username="admin", role=roles.ADMINISTRATOR))
    client.post(f"/frivillighet/foresporsler/{asked.pk}/avgjor/", {"decision": "refuse"})
    asked.refresh_from_db()
    assert asked.state == "refused" and not Representative.objects.filter(user=kari).exists()
    assert not kari.groups.filter(name=roles.ORGANISATION_REPRESENTATIVE).exists()
    client.force_login(kari)
    assert client.get(ORG + "endre/").status_code == 403
    # Refused, one may ask again.
    client.post(ORG + "representere/")
    assert RepresentationRequest.objects.filter(user=kari, state="pending").count() == 1


@pytest.mark.parametrize("decision", ["", "yes"])
def test_bad_decision_changes_nothing(client, org, decision):
    asked = RepresentationRequest.objects.create(organisation=org, user=get_user_model().objects.create_user("per"))
    client.force_login(UserFactory(username="admin", role=roles.ADMINISTRATOR))
    response = client.post(f"/frivillighet/foresporsler/{asked.pk}/avgjor/", {"decision": decision}, follow=True)
    assert response.status_code == 200 and "Velg å godkjenne eller avslå" in response.content.decode()
    asked.refresh_from_db()
    assert asked.state == "pending"


def test_unknown_request(client, db):
    client.force_login(UserFactory(username="admin", role=roles.ADMINISTRATOR))
    response = client.post("/frivillighet/foresporsler/999999/avgjor/", {"decision": "approve"}, follow=True)
    assert response.status_code == 200 and "allerede avgjort" in response.content.decode()


def test_only_one_pending_in_the_database(org):
    user = get_user_model().objects.create_user("per")
    services.request_representation(org, user)
    with pytest.raises(services.Refused):
        services.request_representation(org, user)


def test_rate_limited(client, org, settings):
    settings.VOLUNTEERING_RATE_LIMIT = (1, 3600)
    user = UserFactory(username="kari")
    client.force_login(user)
    other = org.__class__.objects.get(number="923609016")
    client.post(ORG + "representere/")
    response = client.post(other.get_absolute_url() + "representere/", follow=True)
    assert "mange ganger på kort tid" in response.content.decode()
    assert RepresentationRequest.objects.filter(user=user).count() == 1


def test_english(client, org):
    client.force_login(UserFactory(username="kari"))
    response = client.post("/en" + ORG + "representere/", follow=True)
    assert "An administrator will look at your request." in response.content.decode()


def test_a_representative_added_in_the_admin_joins_the_role_group(client, org):
    per = get_user_model().objects.create_user("per", "per@example.org")
    superuser = UserFactory(username="root", is_superuser=True, is_staff=True)
    client.force_login(superuser)
    response = client.post("/admin/volunteering/representative/add/", {
        "organisation": org.pk, "user": per.pk, "approved_by": "",
        "approved_at_0": "2026-11-30", "approved_at_1": "09:00:00"})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Representative.objects.get(user=per).approved_by == superuser
    assert per.groups.filter(name=roles.ORGANISATION_REPRESENTATIVE).exists()


def test_removing_the_last_representation_leaves_the_role_group(org):
    rep = get_user_model().objects.get(username="rep")
    other = org.__class__.objects.get(number="923609016")
    Representative.objects.create(organisation=other, user=rep)
    Representative.objects.get(organisation=org, user=rep).delete()
    assert rep.groups.filter(name=roles.ORGANISATION_REPRESENTATIVE).exists()
    Representative.objects.get(organisation=other, user=rep).delete()
    assert not rep.groups.filter(name=roles.ORGANISATION_REPRESENTATIVE).exists()
