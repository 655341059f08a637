"""Who may do what with the register of organisations and its opportunities, as named
django-rules permissions built from asker/roles.py. Views and templates ask
`has_perm(name, user, obj)`.

| permission                            | object       | who |
| volunteering.edit_organisation        | organisation (or none: add one) | administrators, its representatives |
| volunteering.import_register          | none         | administrators |
| volunteering.request_representation   | organisation | signed-in people who do not represent it |
| volunteering.decide_representation    | none         | administrators |
| volunteering.add_opportunity          | organisation | administrators, its representatives |
| volunteering.edit_opportunity         | opportunity  | administrators, its organisation's representatives |
| volunteering.see_interest             | opportunity  | the same (and marking people contacted) |
| volunteering.register_interest        | opportunity  | signed-in people, while it is published and not ended |
"""

import rules

from asker.roles import is_administrator, is_signed_in


@rules.predicate
def is_representative_of(user, organisation):
    if organisation is None or not user.is_authenticated:
        return False
    # One query per check: the pages ask once and pass the answer on.
    return organisation.representatives.filter(user=user).exists()


@rules.predicate
def represents_organisation_of(user, opportunity):
    return opportunity is not None and is_representative_of.test(user, opportunity.organisation)


@rules.predicate
def is_open_for_interest(user, opportunity):
    return (opportunity is not None and opportunity.published and opportunity.organisation.active
            and not opportunity.has_ended)


rules.add_perm("volunteering.edit_organisation", is_administrator | is_representative_of)
rules.add_perm("volunteering.import_register", is_administrator)
rules.add_perm("volunteering.request_representation", is_signed_in & ~is_representative_of)
rules.add_perm("volunteering.decide_representation", is_administrator)
rules.add_perm("volunteering.add_opportunity", is_administrator | is_representative_of)
rules.add_perm("volunteering.edit_opportunity", is_administrator | represents_organisation_of)
rules.add_perm("volunteering.see_interest", is_administrator | represents_organisation_of)
rules.add_perm("volunteering.register_interest", is_signed_in & is_open_for_interest)
