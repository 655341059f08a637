"""Named permission predicates for the community pages (django-rules).

Everything here is public to read. Planners and administrators keep the innbyggertorg (hours,
exceptions, services) and the committee archive through the Django admin: community.maintain
answers the admin's view/add/change/delete questions for these models, so a planning-staff
account that the administrators let into the admin (is_staff) needs no per-model permissions."""

import rules

from asker.roles import is_planning_staff

can_maintain = is_planning_staff

rules.add_perm("community.maintain", can_maintain)
