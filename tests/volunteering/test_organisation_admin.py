"""An organisation with a bad number is refused with the one message, in the admin and in
full_clean(); a good one is saved."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tests.factories import user_with_role
from volunteering.models import Organisation

pytestmark = pytest.mark.django_db

MESSAGE_NB = "Skriv inn et gyldig organisasjonsnummer"
MESSAGE_EN = "Enter a valid organisation number"
BAD = ["974760674", "400000001", "97476067", "9747606730", "97476O673", "974760673\x00", "", " 974760673"]


@pytest.fixture
def admin_client(client):
    client.force_login(user_with_role("superuser"))
    return client


def form_data(number, **extra):
    return {"number": number, "name": "Prøvelaget", "street": "", "postcode": "", "post_town": "",
            "municipality_number": "", "location": "", "location_basis": "none", "centre": "", "website": "",
            "email": "", "phone": "", "active": "on", "source": "hand", **extra}


@pytest.mark.parametrize("number", BAD)
def test_full_clean_refuses_bad_number(number):
    organisation = Organisation(number=number, name="Prøvelaget")
    with pytest.raises(ValidationError) as raised:
        organisation.full_clean()
    assert "number" in raised.value.message_dict


def test_full_clean_message_in_english():
    from django.utils import translation

    with translation.override("en"):
        with pytest.raises(ValidationError) as raised:
            Organisation(number="974760674", name="Test").full_clean()
        assert raised.value.message_dict["number"][0].startswith(MESSAGE_EN)


def test_database_refuses_what_is_not_nine_digits():
    with pytest.raises(IntegrityError), transaction.atomic():
        Organisation.objects.create(number="97476067x", name="Forbi validatoren")


@pytest.mark.parametrize("number, message", [
    ("974760674", MESSAGE_NB), ("400000001", MESSAGE_NB), ("97476067", MESSAGE_NB), ("97476O673", MESSAGE_NB),
    # Django's own form checks answer first for these, in bokmål too.
    ("9747606730", "9 eller færre tegn"), ("", "Feltet er påkrevet"),
])
def test_admin_refuses_bad_number(admin_client, number, message):
    response = admin_client.post("/admin/volunteering/organisation/add/", form_data(number))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Organisation.objects.exists()


def test_admin_refuses_nul_byte(admin_client):
    # The project's middleware answers any NUL in a request with 400 before the form sees it.
    response = admin_client.post("/admin/volunteering/organisation/add/", form_data("974760673\x00"))
    assert response.status_code == 400
    assert not Organisation.objects.exists()


def test_admin_strips_spaces_round_a_good_number(admin_client):
    response = admin_client.post("/admin/volunteering/organisation/add/", form_data(" 974760673 "))
    assert response.status_code == 302
    assert Organisation.objects.get().number == "974760673"


def test_admin_saves_good_number(admin_client):
    response = admin_client.post("/admin/volunteering/organisation/add/", form_data("974760673"))
    assert response.status_code == 302
    assert Organisation.objects.get().number == "974760673"


def test_admin_refuses_duplicate_number(admin_client):
    Organisation.objects.create(number="974760673", name="Første")
    response = admin_client.post("/admin/volunteering/organisation/add/", form_data("974760673"))
    assert response.status_code == 200
    assert Organisation.objects.count() == 1


@pytest.mark.parametrize("path", ["organisation", "category"])
def test_admin_lists_open(admin_client, path):
    Organisation.objects.create(number="974760673", name="Første")
    assert admin_client.get(f"/admin/volunteering/{path}/").status_code == 200
