"""Numbers and Norwegian text as residents read them, in the page's language.

`|dwellings` and `|dwellings_phrase`: a project's dwellings (None: "unknown", never 0) or a total
over several (places.figures.DwellingCount: "1 605 (unknown for 2 projects)").
`|dekar`: an area in dekar, grouped and with one decimal like the m² beside it.
`{% lang_nb %}` and `|nb`: Norwegian data (names, descriptions, comments) marked lang="nb"
when the page is not in bokmål (` lang="nb"` inside an element's tag, or the text wrapped in a span),
so screen readers read it as Norwegian; nothing is added on bokmål pages.
"""

from django import template
from django.contrib.humanize.templatetags.humanize import intcomma
from django.template.defaultfilters import floatformat
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext, ngettext

from places.figures import DwellingCount

register = template.Library()


@register.filter
def dwellings(value):
    """The number alone, for tables and facts."""
    if isinstance(value, DwellingCount):
        if value.all_unknown:
            return gettext("unknown")
        if value.unknown:
            return ngettext(
                "%(total)s (unknown for %(n)s project)", "%(total)s (unknown for %(n)s projects)", value.unknown
            ) % {"total": intcomma(value.known), "n": intcomma(value.unknown)}
        return intcomma(value.known)
    if value is None or value == "":
        return gettext("unknown")
    return intcomma(value)


@register.filter
def dwellings_phrase(value):
    """The number with its noun, for running text: "1 dwelling", "unknown number of dwellings"."""
    if isinstance(value, DwellingCount):
        if value.all_unknown:
            return gettext("unknown number of dwellings")
        phrase = dwellings_phrase(value.known)
        if value.unknown:
            return ngettext(
                "%(dwellings)s (unknown for %(n)s project)", "%(dwellings)s (unknown for %(n)s projects)",
                value.unknown,
            ) % {"dwellings": phrase, "n": intcomma(value.unknown)}
        return phrase
    if value is None or value == "":
        return gettext("unknown number of dwellings")
    return ngettext("%(n)s dwelling", "%(n)s dwellings", value) % {"n": intcomma(value)}


@register.filter
def dekar(value):
    """One decimal, grouped by the language: 374 814,0 (bokmål), 374,814.0 (English)."""
    return floatformat(value, "1g")


@register.simple_tag
def lang_nb():
    if (get_language() or "nb").split("-")[0] in ("nb", "no"):
        return ""
    return mark_safe(' lang="nb"')


@register.filter(is_safe=True)
def nb(value):
    """Norwegian data in running text: wrapped in <span lang="nb"> on pages in another language
    (escaped either way). Not for attributes: use {% lang_nb %} on the element instead."""
    text = conditional_escape(value)
    if (get_language() or "nb").split("-")[0] in ("nb", "no") or not str(value).strip():
        return text
    return format_html('<span lang="nb">{}</span>', text)
