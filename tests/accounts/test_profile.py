"""/konto/: who you are and your roles; only for the signed-in."""

import pytest
from django.contrib.auth.models import Group

from asker import roles
from tests.accounts.helpers import html, text
from tests.factories import UserFactory, user_with_role

pytestmark = pytest.mark.django_db

URL = "/konto/"


def test_anonymous_visitors_are_sent_to_sign_in_and_back(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"] == "/konto/logg-inn/?next=/konto/"
    english = client.get("/en" + URL)
    assert english["Location"] == "/en/konto/logg-inn/?next=/en/konto/"


def test_a_resident_sees_who_they_are_and_their_role(client, resident):
    client.force_login(resident)
    response = client.get(URL)
    assert response.status_code == 200
    page = html(response)
    assert "kari" in page and "Kari Nordmann" in page and "kari@example.org" in page
    assert [str(r) for r in response.context["roles"]] == [text("Resident")]
    assert f"<li>{text('Resident')}</li>" in page
    assert 'aria-current="page"' in page  # the header link to this page


@pytest.mark.parametrize(
    "role, label",
    [(roles.PLANNER, "Planner"), (roles.MODERATOR, "Moderator"),
     (roles.ORGANISATION_REPRESENTATIVE, "Organisation representative"),
     (roles.ADMINISTRATOR, "Administrator"), ("superuser", "Administrator")],
)
def test_each_role_is_shown(client, role, label):
    client.force_login(user_with_role(role))
    page = html(client.get(URL))
    assert f"<li>{text(label)}</li>" in page


def test_a_user_with_several_roles_sees_them_all(client):
    user = UserFactory(username="both", role=roles.PLANNER)
    user.groups.add(Group.objects.get_or_create(name=roles.MODERATOR)[0])
    client.force_login(user)
    response = client.get(URL)
    assert [str(r) for r in response.context["roles"]] == [text("Planner"), text("Moderator")]


def test_a_user_without_roles_is_told_so(client):
    client.force_login(UserFactory(username="plain"))
    assert text("You have no roles yet.") in html(client.get(URL))


def test_the_english_page(client, resident):
    client.force_login(resident)
    page = html(client.get("/en" + URL))
    assert "Your account" in page and "<li>Resident</li>" in page
