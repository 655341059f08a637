"""Creating and changing an opportunity as the organisation's representative: good input saves,
bad input gets a message next to the field and in the summary, status 400, and changes nothing."""

import pytest
from django.contrib.auth import get_user_model

from volunteering.models import Opportunity

pytestmark = pytest.mark.django_db
NEW = "/frivillighet/oppdrag/ny/?organisasjon=974760673"


@pytest.fixture
def rep_client(client, org):
    client.force_login(get_user_model().objects.get(username="rep"))
    return client


def data(centres, **changes):
    found = {"title": "Leksehjelp", "description": "Hjelp med lekser.", "commitment": "weekly",
             "centre": centres["heggedal"].pk, "address": "Heggedalsveien 1", "starts_on": "2026-12-01",
             "ends_on": "2027-06-15", "for_young_people": "on", "published": "on"}
    found.update(changes)
    return {k: v for k, v in found.items() if v is not None}


def test_create(rep_client, org, centres):
    response = rep_client.post(NEW, data(centres))
    made = Opportunity.objects.get(title="Leksehjelp")
    assert response.status_code == 302 and response["Location"] == made.get_absolute_url()
    assert made.organisation == org and made.centre == centres["heggedal"] and made.for_young_people
    assert str(made.ends_on) == "2027-06-15" and made.commitment == "weekly"


def test_form_page_has_a_fieldset_for_the_commitment(rep_client, org):
    body = rep_client.get(NEW).content.decode()
    assert "<legend>Tidsbruk</legend>" in body and 'type="radio"' in body and 'type="date"' in body


@pytest.mark.parametrize("changes, field, message", [
    ({"ends_on": "2026-11-01"}, "ends_on", "Siste dag kan ikke være før første dag."),
    ({"centre": "999999"}, "centre", "Velg et gyldig valg"),
    ({"centre": "heggedal"}, "centre", "Velg et gyldig valg"),
    ({"title": "x" * 201}, "title", "200"),
    ({"description": "x" * 5001}, "description", "5000"),
    ({"address": "x" * 301}, "address", "300"),
    ({"starts_on": "i morgen"}, "starts_on", "gyldig dato"),
    ({"starts_on": "2026-02-30"}, "starts_on", "gyldig dato"),
    ({"commitment": "daily"}, "commitment", "Velg et gyldig valg"),
    ({"title": ""}, "title", "Feltet er påkrevet"),
    ({"starts_on": None}, "starts_on", "Feltet er påkrevet"),
])
def test_bad_input(rep_client, org, centres, changes, field, message):
    response = rep_client.post(NEW, data(centres, **changes))
    assert response.status_code == 400
    body = response.content.decode()
    assert 'id="error-summary"' in body and message in body
    assert f'id="id_{field}-error"' in body or f'id="id_{field}"' in body
    assert not Opportunity.objects.exists()


def test_nul_byte_is_refused(rep_client, org, centres):
    response = rep_client.post(NEW, data(centres, title="Lekse\x00hjelp"))
    assert response.status_code == 400 and not Opportunity.objects.exists()


@pytest.mark.parametrize("query", ["", "?organisasjon=", "?organisasjon=abc", "?organisasjon=97476067%00",
                                   "?organisasjon=1234567890"])
def test_bad_organisation_parameter(rep_client, org, query):
    assert rep_client.get("/frivillighet/oppdrag/ny/" + query).status_code == 400


def test_unknown_organisation(rep_client, org):
    assert rep_client.get("/frivillighet/oppdrag/ny/?organisasjon=999999999").status_code == 404


def test_edit_keeps_bad_input_out(rep_client, opportunity, centres):
    url = f"/frivillighet/oppdrag/{opportunity.pk}/endre/"
    response = rep_client.post(url, data(centres, starts_on="2027-01-01", ends_on="2026-01-01"))
    assert response.status_code == 400
    opportunity.refresh_from_db()
    assert opportunity.title == "Vakter til 17. mai"
    response = rep_client.post(url, data(centres, ends_on=""))
    opportunity.refresh_from_db()
    assert response.status_code == 302 and opportunity.title == "Leksehjelp" and opportunity.ends_on is None


def test_unknown_opportunity(rep_client, db):
    assert rep_client.get("/frivillighet/oppdrag/999999/endre/").status_code == 404


def test_english_messages(rep_client, org, centres):
    response = rep_client.post("/en" + NEW, data(centres, ends_on="2026-11-01"))
    assert response.status_code == 400
    assert "The last day cannot be before the first day." in response.content.decode()


def test_organisation_edit_bad_input(rep_client, org):
    url = org.get_absolute_url() + "endre/"
    response = rep_client.post(url, {"website": "x" * 301, "email": "ikke-en-adresse", "phone": "",
                                     "street": "", "postcode": "12a4", "post_town": ""})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Et postnummer har fire sifre." in body and "gyldig e-postadresse" in body
    org.refresh_from_db()
    assert org.website == "" and org.postcode == ""
