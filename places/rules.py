"""Named permission predicates for the places domain (django-rules), built from the roles in
asker/roles.py. Views, templates and services check them with `rules.has_perm`."""

import rules

from asker.roles import is_planning_staff

# Confidential projects are for the people who plan them.
can_view_confidential = is_planning_staff
rules.add_perm("places.view_confidential_project", can_view_confidential)

# Planners (and administrators) maintain projects, plans and centres in the workspace; every
# workspace page asks places.use_workspace. Django's own add_/change_ model permissions are
# not declared here: only the admin asks them, and there Django's ModelBackend answers (a
# superuser, or staff given them), so planners do not get the admin by being planners.
can_edit_places = is_planning_staff

rules.add_perm("places.use_workspace", can_edit_places)
rules.add_perm("places.publish_developmentproject", can_edit_places)
rules.add_perm("places.archive_developmentproject", can_edit_places)
rules.add_perm("places.revert_developmentproject", can_edit_places)
