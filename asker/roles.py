"""The portal's roles are Django groups; this is the one place their names are written, and
the one place the general role checks (django-rules predicates) are defined. Each app's
rules.py builds its object-level rules from these.

The groups are created after every migrate (so a fresh production database has them),
but no user is: demo users come only from `load_demo`.
"""

import rules
from django.utils.translation import gettext_lazy as _

RESIDENT = "resident"
PLANNER = "planner"
MODERATOR = "moderator"
ORGANISATION_REPRESENTATIVE = "organisation_representative"
ADMINISTRATOR = "administrator"

ROLES = {
    RESIDENT: _("Resident"),
    PLANNER: _("Planner"),
    MODERATOR: _("Moderator"),
    ORGANISATION_REPRESENTATIVE: _("Organisation representative"),
    ADMINISTRATOR: _("Administrator"),
}

is_signed_in = rules.is_authenticated
is_resident = rules.is_group_member(RESIDENT)
is_planner = rules.is_group_member(PLANNER)
is_moderator = rules.is_group_member(MODERATOR)
is_organisation_representative = rules.is_group_member(ORGANISATION_REPRESENTATIVE)
is_administrator = rules.is_superuser | rules.is_group_member(ADMINISTRATOR)
# Planners and administrators keep projects, plans and centres, and see confidential projects.
is_planning_staff = is_planner | is_administrator
is_moderation_staff = is_moderator | is_administrator

# Who has each role: what a user's roles are said to be (their profile) is asked here, never
# re-derived from groups or flags elsewhere.
ROLE_PREDICATES = {
    RESIDENT: is_resident,
    PLANNER: is_planner,
    MODERATOR: is_moderator,
    ORGANISATION_REPRESENTATIVE: is_organisation_representative,
    ADMINISTRATOR: is_administrator,
}


def has_role(user, name):
    return ROLE_PREDICATES[name].test(user)


def roles_of(user):
    """The names of the roles `user` has, in the order of ROLES."""
    return [name for name in ROLES if has_role(user, name)]


def ensure_groups(**kwargs):
    from django.contrib.auth.models import Group

    for name in ROLES:
        Group.objects.get_or_create(name=name)
