"""Who may do what with events, once, as django-rules permissions built from asker/roles.py.
Views, services and templates ask the same question (`rules.has_perm`, `{% has_perm %}`).

| permission                   | object |
| events.manage_events         | none: the new-event page, drafts in the lists |
| events.edit_event            | event  |
| events.cancel_event          | event (not already cancelled, not over) |
| events.sign_up               | event (published, not cancelled, not started) |
| events.cancel_registration   | event (the user's own registration, before the start) |
| events.see_participants      | event  |

Planners and moderators keep the events (the municipality's meetings are planned and hosted by
both), and administrators. Anyone signed in may sign up: a planner can come to a meeting too.
"""

import rules
from django.utils import timezone

from asker.roles import is_moderator, is_planning_staff, is_signed_in


@rules.predicate
def is_open_event(user, event):
    return event is not None and event.is_published


@rules.predicate
def has_not_started(user, event):
    return event is not None and timezone.now() < event.starts_at


@rules.predicate
def has_not_ended(user, event):
    return event is not None and timezone.now() < event.ends_at


@rules.predicate
def is_cancelled_event(user, event):
    return event is not None and event.is_cancelled


can_manage_events = is_planning_staff | is_moderator
can_sign_up = is_signed_in & is_open_event & has_not_started
can_cancel_registration = is_signed_in & has_not_started
can_cancel_event = can_manage_events & ~is_cancelled_event & has_not_ended

rules.add_perm("events.manage_events", can_manage_events)
rules.add_perm("events.edit_event", can_manage_events)
rules.add_perm("events.cancel_event", can_cancel_event)
rules.add_perm("events.sign_up", can_sign_up)
rules.add_perm("events.cancel_registration", can_cancel_registration)
# Who comes is personal: only those who host the event see the names.
rules.add_perm("events.see_participants", can_manage_events)
