"""`{% has_perm "app.rule" user obj as can %}`: the same question the services and views ask.

django-rules' own tag asks `user.has_perm`, which Django answers yes for every superuser, so a
page would offer a superuser a form the service then refuses (commenting on a closed
consultation). This tag asks the rules themselves, as `rules.has_perm` does in Python; an
administrator's rights are part of the rules (asker.roles.is_administrator).
"""

import rules
from django import template

register = template.Library()


@register.simple_tag
def has_perm(perm, user, obj=None):
    return rules.has_perm(perm, user, obj)
