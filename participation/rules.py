"""Named permission predicates for participation (django-rules), used by views and later the API."""

import rules

from asker.roles import is_moderation_staff
from places.rules import can_edit_places

can_moderate = is_moderation_staff

rules.add_perm("participation.comment", rules.is_authenticated)
rules.add_perm("participation.flag_comment", rules.is_authenticated)
rules.add_perm("participation.moderate", can_moderate)
rules.add_perm("participation.block_user", can_moderate)
rules.add_perm("participation.manage_consultation", can_edit_places)
