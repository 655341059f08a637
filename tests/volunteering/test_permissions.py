"""Role × action, on the server: anonymous, a resident, the organisation's representative, another
organisation's representative, a planner and an administrator, for every action of the second
increment. Each refused action changes nothing."""

import pytest
from django.contrib.auth import get_user_model

from volunteering.models import Interest, Organisation, RepresentationRequest, Representative

from .conftest import ROLE_USERS, sign_in

pytestmark = pytest.mark.django_db
ORG = "/frivillighet/organisasjoner/974760673/"
# Who may keep the organisation, its opportunities and see who is interested.
KEEPERS = {"rep", "administrator"}


def login_redirect(response):
    return response.status_code == 302 and "/logg-inn/" in response["Location"]


@pytest.mark.parametrize("who", ROLE_USERS)
def test_request_representation(client, org, who):
    user = sign_in(client, who)
    response = client.post(ORG + "representere/", {"message": "Jeg er leder."})
    if who == "anonymous":
        assert login_redirect(response)
        assert not RepresentationRequest.objects.exists()
        return
    assert response.status_code == 302
    # The representative already represents it: nothing to ask.
    assert RepresentationRequest.objects.filter(user=user).exists() is (who != "rep")


@pytest.mark.parametrize("who", ROLE_USERS)
def test_approve(client, org, who):
    asker = get_user_model().objects.create_user("asker", "asker@example.org")
    asked = RepresentationRequest.objects.create(organisation=org, user=asker)
    sign_in(client, who)
    response = client.post(f"/frivillighet/foresporsler/{asked.pk}/avgjor/", {"decision": "approve"})
    asked.refresh_from_db()
    if who == "administrator":
        assert response.status_code == 302
        assert asked.state == "approved"
        return
    assert login_redirect(response) if who == "anonymous" else response.status_code == 403
    assert asked.state == "pending" and not Representative.objects.filter(user=asker).exists()
    assert client.get("/frivillighet/foresporsler/").status_code == (302 if who == "anonymous" else 403)


@pytest.mark.parametrize("who", ROLE_USERS)
def test_edit_organisation(client, org, who):
    sign_in(client, who)
    page = client.get(ORG + "endre/")
    response = client.post(ORG + "endre/", {"website": "www.hjelpekorps.example", "email": "", "phone": "",
                                            "street": "", "postcode": "", "post_town": ""})
    website = Organisation.objects.get(pk=org.pk).website
    if who in KEEPERS:
        assert page.status_code == 200 and response.status_code == 302
        assert website == "www.hjelpekorps.example"
    else:
        assert login_redirect(page) if who == "anonymous" else page.status_code == 403
        assert login_redirect(response) if who == "anonymous" else response.status_code == 403
        assert website == ""


def _opportunity_data(centres, title="Turvenn"):
    return {"title": title, "description": "Gå tur.", "commitment": "weekly", "centre": centres["heggedal"].pk,
            "address": "", "starts_on": "2026-12-01", "ends_on": "", "published": "on"}


@pytest.mark.parametrize("who", ROLE_USERS)
def test_create_opportunity(client, org, centres, who):
    sign_in(client, who)
    url = "/frivillighet/oppdrag/ny/?organisasjon=974760673"
    page = client.get(url)
    response = client.post(url, _opportunity_data(centres))
    made = org.opportunities.filter(title="Turvenn").exists()
    if who in KEEPERS:
        assert page.status_code == 200 and response.status_code == 302 and made
    else:
        assert login_redirect(page) if who == "anonymous" else page.status_code == 403
        assert (login_redirect(response) if who == "anonymous" else response.status_code == 403) and not made


@pytest.mark.parametrize("who", ROLE_USERS)
def test_edit_opportunity(client, opportunity, centres, who):
    sign_in(client, who)
    url = f"/frivillighet/oppdrag/{opportunity.pk}/endre/"
    page = client.get(url)
    response = client.post(url, _opportunity_data(centres, title="Nytt navn"))
    opportunity.refresh_from_db()
    if who in KEEPERS:
        assert page.status_code == 200 and response.status_code == 302 and opportunity.title == "Nytt navn"
    else:
        assert login_redirect(page) if who == "anonymous" else page.status_code == 403
        assert login_redirect(response) if who == "anonymous" else response.status_code == 403
        assert opportunity.title == "Vakter til 17. mai"


@pytest.mark.parametrize("who", ROLE_USERS)
def test_register_and_withdraw_interest(client, opportunity, who):
    user = sign_in(client, who)
    response = client.post(f"/frivillighet/oppdrag/{opportunity.pk}/interesse/", {"message": "Gjerne!"})
    if who == "anonymous":
        assert login_redirect(response) and not Interest.objects.exists()
        assert login_redirect(client.post(f"/frivillighet/oppdrag/{opportunity.pk}/trekk/"))
        return
    assert response.status_code == 302 and Interest.objects.filter(user=user).exists()
    assert client.post(f"/frivillighet/oppdrag/{opportunity.pk}/trekk/").status_code == 302
    assert not Interest.objects.filter(user=user).exists()


@pytest.mark.parametrize("who", ROLE_USERS)
def test_see_interested_and_mark_contacted(client, opportunity, who):
    interest = Interest.objects.create(opportunity=opportunity,
                                       user=get_user_model().objects.create_user("kari", "kari@example.org"))
    sign_in(client, who)
    page = client.get(f"/frivillighet/oppdrag/{opportunity.pk}/interesserte/")
    response = client.post(f"/frivillighet/oppdrag/{opportunity.pk}/interesserte/{interest.pk}/kontaktet/",
                           {"contacted": "1"})
    interest.refresh_from_db()
    if who in KEEPERS:
        assert page.status_code == 200 and "kari@example.org" in page.content.decode()
        assert response.status_code == 302 and interest.contacted
    else:
        assert login_redirect(page) if who == "anonymous" else page.status_code == 403
        assert login_redirect(response) if who == "anonymous" else response.status_code == 403
        assert not interest.contacted


@pytest.mark.parametrize("who", ROLE_USERS)
def test_links_only_for_keepers(client, opportunity, who):
    sign_in(client, who)
    organisation_page = client.get(ORG).content.decode()
    opportunity_page = client.get(opportunity.get_absolute_url()).content.decode()
    assert ("/frivillighet/oppdrag/ny/" in organisation_page) is (who in KEEPERS)
    assert ("/interesserte/" in opportunity_page) is (who in KEEPERS)
