"""Who sees which organisations, and who may edit them."""

import pytest
import rules
from django.contrib.auth.models import AnonymousUser

from asker import roles
from tests.factories import user_with_role
from volunteering.models import Category, Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def register(db):
    return (Organisation.objects.create(number="974760673", name="Aktiv"),
            Organisation.objects.create(number="923609016", name="Nedlagt", active=False))


@pytest.mark.parametrize("role, sees_inactive", [
    (None, False), (roles.RESIDENT, False), (roles.PLANNER, False), (roles.MODERATOR, False),
    (roles.ORGANISATION_REPRESENTATIVE, False), (roles.ADMINISTRATOR, True), ("superuser", True),
])
def test_visible_to(register, role, sees_inactive):
    user = AnonymousUser() if role is None else user_with_role(role)
    names = set(Organisation.objects.visible_to(user).values_list("name", flat=True))
    assert names == ({"Aktiv", "Nedlagt"} if sees_inactive else {"Aktiv"})


@pytest.mark.parametrize("role, may", [
    (None, False), (roles.RESIDENT, False), (roles.PLANNER, False), (roles.MODERATOR, False),
    (roles.ORGANISATION_REPRESENTATIVE, False), (roles.ADMINISTRATOR, True), ("superuser", True),
])
@pytest.mark.parametrize("permission", ["volunteering.edit_organisation", "volunteering.import_register"])
def test_who_may_edit(register, role, may, permission):
    user = AnonymousUser() if role is None else user_with_role(role)
    assert rules.has_perm(permission, user, register[0]) is may


def test_categories_loaded_by_migration():
    assert Category.objects.count() == 32
    research = Category.objects.get(code="2 400")
    assert (research.label_nb, research.label_en) == ("Forskning", "Research")
    codes = sorted(Category.objects.all(), key=Category.sort_key)
    assert [c.code for c in codes[-3:]] == ["12 100", "13 100", "14 100"]


@pytest.mark.parametrize("website, url", [
    ("www.brreg.no", "https://www.brreg.no"),
    ("http://lag.example/side", "http://lag.example/side"),
    ("javascript:alert(1)", ""),
    ("javascript://%0aalert(1)", ""),
    ("", ""),
])
def test_website_url_is_only_ever_http(website, url):
    assert Organisation(website=website).website_url == url
