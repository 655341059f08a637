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
    "places.add_developmentproject", "places.change_developmentproject",
    "places.add_plan", "places.change_plan",
    "places.add_centre", "places.change_centre",
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
