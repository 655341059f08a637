"""The words the public maps' scripts show, translated on the server (makemessages does not read
static/) and handed to static/js/map.js in one data attribute of the map element: the site's
Content Security Policy allows no inline script to carry them."""

import json

from django import template
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

register = template.Library()


@register.simple_tag
def map_texts():
    texts = {
        "zoom_in": _("Zoom in"),
        "zoom_out": _("Zoom out"),
        "close": _("Close"),
        "current": _("this page"),
        # Both languages have one form for 1 and one for every other number.
        "dwellings_one": ngettext("%(n)s dwelling", "%(n)s dwellings", 1),
        "dwellings_other": ngettext("%(n)s dwelling", "%(n)s dwellings", 2),
        "dwellings_unknown": _("Number of dwellings: unknown"),
        "years": _("Years %(first)s–%(last)s"),
        "year": _("Year %(first)s"),
        "years_from": _("From %(first)s"),
        "years_until": _("Until %(last)s"),
        "cluster": _("%(count)s places here: %(names)s. Press Enter to zoom in and show them."),
        "cluster_more": _("and %(n)s more"),
    }
    return json.dumps(texts, ensure_ascii=False)
