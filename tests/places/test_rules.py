"""Every rule of places/rules.py asked through `rules.has_perm`, per role, on a public, a
confidential and an archived project. Places rules have no phase or ownership: planning staff
keep everything, everyone else nothing. The view-level matrix is tests/workspace/test_permissions.py."""

import pytest
import rules
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from asker import roles
from tests.factories import ProjectFactory, user_with_role

pytestmark = pytest.mark.django_db

SUPERUSER = "superuser"
ROLES = [None, roles.RESIDENT, roles.PLANNER, roles.MODERATOR, roles.ORGANISATION_REPRESENTATIVE,
         roles.ADMINISTRATOR, SUPERUSER]
PLANNING_STAFF = {roles.PLANNER, roles.ADMINISTRATOR, SUPERUSER}

PERMISSIONS = [
    "places.view_confidential_project",
    "places.use_workspace",
    "places.publish_developmentproject",
    "places.archive_developmentproject",
    "places.revert_developmentproject",
]


def test_the_table_names_every_places_rule():
    registered = {name for name in rules.permissions.permissions if name.startswith("places.")}
    assert registered == set(PERMISSIONS)


@pytest.mark.parametrize("role", ROLES, ids=lambda role: role or "anonymous")
def test_places_rules_by_role(role, world):
    user = user_with_role(role) or AnonymousUser()
    projects = [
        ProjectFactory(centre=world["heggedal"], municipality=world["heggedal"].municipality, visibility=visibility,
                       archived_at=archived)
        for visibility, archived in (("public", None), ("confidential", None), ("public", timezone.now()))
    ]
    wrong = []
    for perm in PERMISSIONS:
        for obj in [None, *projects]:
            if rules.has_perm(perm, user, obj) != (role in PLANNING_STAFF):
                wrong.append((perm, getattr(obj, "visibility", None)))
    assert wrong == [], f"{role or 'anonymous'}: {wrong}"


@pytest.mark.parametrize("model", ["developmentproject", "plan", "centre"])
def test_the_admin_asks_djangos_model_permissions(client, world, model):
    """Planners keep places in the workspace; the admin answers by Django's own permissions,
    so staff status and the planner role alone do not open its forms, a superuser does."""
    planner = user_with_role(roles.PLANNER)
    planner.is_staff = True
    planner.save()
    client.force_login(planner)
    assert client.get(f"/admin/places/{model}/add/").status_code == 403
    assert client.get(f"/admin/places/{model}/").status_code == 403
    client.force_login(user_with_role(SUPERUSER))
    assert client.get(f"/admin/places/{model}/add/").status_code == 200
