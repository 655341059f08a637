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
