"""`linked_text`: what `urlize|linebreaksbr` gives, without urlize's cost where it can find no link.

Django's urlize splits a text into words and tries each one against its link patterns; on the
consultation page that was a seventh of the rendering. Most comments hold no link at all, and
urlize can only link a word with "://", "www.", "@" or a domain ending it knows (.com, .org,
...): without one of those, urlize's result is the escaped text, made here in one call.
"""

import re

from django import template
from django.template.defaultfilters import linebreaksbr, urlize
from django.utils.html import escape

register = template.Library()

# Everything urlize could turn into a link has one of these (django/utils/html.py: Urlizer).
_MIGHT_LINK = re.compile(r"://|www\.|@|\.(?:com|edu|gov|int|mil|net|org)\b", re.IGNORECASE)


@register.filter(is_safe=True, needs_autoescape=True)
def linked_text(value, autoescape=True):
    value = str(value)
    if _MIGHT_LINK.search(value):
        return linebreaksbr(urlize(value, autoescape=autoescape), autoescape=False)
    return linebreaksbr(escape(value) if autoescape else value, autoescape=False)
