"""Who has which role is asked in one place, asker/roles.py (ROLE_PREDICATES): the profile
says it from there, and the menu asks the rules as the views do (not Django's user.has_perm,
which asks the database and says yes to every superuser)."""

import re
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser, Group

from accounts import services
from asker import roles
from tests.factories import UserFactory, user_with_role
from tests.places.conftest import asker, heggedal, sentrum, world  # noqa: F401  (shared fixtures)

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent.parent
SUPERUSER = "superuser"
# user kind -> the roles it has
EXPECTED = {
    None: [],
    roles.RESIDENT: [roles.RESIDENT],
    roles.PLANNER: [roles.PLANNER],
    roles.MODERATOR: [roles.MODERATOR],
    roles.ORGANISATION_REPRESENTATIVE: [roles.ORGANISATION_REPRESENTATIVE],
    roles.ADMINISTRATOR: [roles.ADMINISTRATOR],
    SUPERUSER: [roles.ADMINISTRATOR],
}


def test_every_role_has_its_predicate():
    assert list(roles.ROLE_PREDICATES) == list(roles.ROLES)


@pytest.mark.parametrize("kind", list(EXPECTED), ids=lambda kind: kind or "anonymous")
def test_has_role_by_kind_of_user(kind):
    user = user_with_role(kind) or AnonymousUser()
    assert [name for name in roles.ROLES if roles.has_role(user, name)] == EXPECTED[kind]
    assert roles.roles_of(user) == EXPECTED[kind]
    assert services.role_labels(user) == [roles.ROLES[name] for name in EXPECTED[kind]]


def test_several_roles_in_the_order_of_roles():
    user = UserFactory(username="both", role=roles.MODERATOR, is_superuser=True)
    user.groups.add(Group.objects.get_or_create(name=roles.PLANNER)[0])
    assert roles.roles_of(user) == [roles.PLANNER, roles.MODERATOR, roles.ADMINISTRATOR]


# Reading a role from the superuser flag or a group name, or Django's `perms` in a template.
# (The data export lists a user's groups as stored: that is data, not a role check.)
ROLE_READS = re.compile(r"\.is_superuser\b(?!\s*=[^=])|groups\.filter\(name|\bperms\.\w")
APP_DIRS = ["accounts", "asker", "participation", "places", "workspace", "templates"]


def test_no_role_is_derived_outside_asker_roles():
    found = []
    for folder in APP_DIRS:
        for path in (ROOT / folder).rglob("*"):
            if path.suffix not in (".py", ".html") or "migrations" in path.parts or path == ROOT / "asker/roles.py":
                continue
            for number, line in enumerate(path.read_text().splitlines(), 1):
                if ROLE_READS.search(line):
                    found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert found == []


@pytest.mark.parametrize("kind, workspace, moderation", [
    (None, False, False), (roles.RESIDENT, False, False), (roles.PLANNER, True, False),
    (roles.MODERATOR, False, True), (roles.ADMINISTRATOR, True, True), (SUPERUSER, True, True),
])
def test_the_menu_by_role(client, world, kind, workspace, moderation):
    user = user_with_role(kind)
    if user:
        client.force_login(user)
    response = client.get("/")
    assert response.status_code == 200
    page = response.content.decode()
    assert ('href="/planlegger/"' in page) is workspace
    assert ('href="/moderering/"' in page) is moderation


@pytest.mark.parametrize("kind", [roles.RESIDENT, roles.PLANNER, roles.MODERATOR, SUPERUSER])
def test_the_menu_costs_signed_in_users_no_permission_queries(client, world, django_assert_max_num_queries, kind):
    """The home page's own 5 queries, the session, the user and the user's groups (which the
    rules ask once a request): Django's perms would ask the permission tables twice more."""
    client.force_login(user_with_role(kind))
    client.get("/")
    with django_assert_max_num_queries(8):
        response = client.get("/")
    assert response.status_code == 200 and "Heggedal torg" in response.content.decode()
