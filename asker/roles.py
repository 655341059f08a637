"""The portal's roles are Django groups; this is the one place their names are written.

The groups are created after every migrate (so a fresh production database has them),
but no user is: demo users come only from `load_demo`.
"""

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


def ensure_groups(**kwargs):
    from django.contrib.auth.models import Group

    for name in ROLES:
        Group.objects.get_or_create(name=name)
