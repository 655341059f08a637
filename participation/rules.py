"""Named permission predicates for participation (django-rules), used by views and later the API."""

import rules

from asker import roles
from places.rules import can_edit_places, is_administrator

is_moderator = rules.is_group_member(roles.MODERATOR)
can_moderate = is_moderator | is_administrator

rules.add_perm("participation.comment", rules.is_authenticated)
rules.add_perm("participation.flag_comment", rules.is_authenticated)
rules.add_perm("participation.moderate", can_moderate)
rules.add_perm("participation.block_user", can_moderate)
rules.add_perm("participation.manage_consultation", can_edit_places)
