"""Named permission predicates for the places domain (django-rules).

Views, admin and (later) the API check these same predicates.
"""

import rules

from asker import roles

is_planner = rules.is_group_member(roles.PLANNER)
is_administrator = rules.is_superuser | rules.is_group_member(roles.ADMINISTRATOR)

# Confidential projects are for the people who plan them.
can_view_confidential = is_planner | is_administrator

rules.add_perm("places.view_confidential_project", can_view_confidential)

# Planners (and administrators) maintain projects, plans and centres in the workspace.
can_edit_places = is_planner | is_administrator

rules.add_perm("places.use_workspace", can_edit_places)
for _model in ("developmentproject", "plan", "centre"):
    rules.add_perm(f"places.add_{_model}", can_edit_places)
    rules.add_perm(f"places.change_{_model}", can_edit_places)
rules.add_perm("places.publish_developmentproject", can_edit_places)
rules.add_perm("places.archive_developmentproject", can_edit_places)
rules.add_perm("places.revert_developmentproject", can_edit_places)
