"""Who may do what with the register of organisations, as named django-rules permissions built
from asker/roles.py. Views and templates ask `has_perm(name, user, obj)`.

| permission                          | object       |
| volunteering.edit_organisation      | organisation (or none: add one) |
| volunteering.import_register        | none         |

Only administrators for now; organisation representatives will edit their own organisation
once representatives are linked to organisations (a later increment).
"""

import rules

from asker.roles import is_administrator

rules.add_perm("volunteering.edit_organisation", is_administrator)
rules.add_perm("volunteering.import_register", is_administrator)
