"""Who may do what in Stedskompasset, as named django-rules permissions built from the roles in
asker/roles.py. Views, services and templates ask the same question: `rules.has_perm(name, user,
obj)` in Python, `{% has_perm name user obj as can %}` in templates.

| permission                      | object       |
| stedskompasset.answer           | survey round: a signed-in person, while the round is open |
| stedskompasset.enter_workshop   | survey round (or none: the page): planners and administrators, once it has opened |
| stedskompasset.see_results      | survey round: everyone, once it has opened (the results may still be withheld: too few responses) |
| stedskompasset.see_comments     | survey round: planners and administrators read the comments; they are not published |
| stedskompasset.manage_rounds    | none: planners and administrators open survey rounds |

One answer per round and the rate limit are not rules about who may act: the services apply them.
"""

import rules

from asker.roles import is_planning_staff, is_signed_in


@rules.predicate
def is_open_round(user, survey_round):
    return survey_round is not None and survey_round.is_open


@rules.predicate
def has_opened(user, survey_round):
    # None: the question is about the page, not a round.
    return survey_round is None or survey_round.phase() != survey_round.Phase.UPCOMING


@rules.predicate
def is_round(user, survey_round):
    return survey_round is not None


# Any signed-in person, as with comments: the survey asks about the place, not the role.
can_answer = is_signed_in & is_open_round
# Paper forms from a workshop are often typed in after the round has closed.
can_enter_workshop = is_planning_staff & has_opened
can_see_results = is_round & has_opened
can_see_comments = is_planning_staff & is_round

rules.add_perm("stedskompasset.answer", can_answer)
rules.add_perm("stedskompasset.enter_workshop", can_enter_workshop)
rules.add_perm("stedskompasset.see_results", can_see_results)
rules.add_perm("stedskompasset.see_comments", can_see_comments)
rules.add_perm("stedskompasset.manage_rounds", is_planning_staff)
