"""The UN's 17 sustainable development goals, by number, with their names (the UN's English
names as msgids; bokmål as FN-sambandet writes them)."""

from django.utils.translation import gettext_lazy as _

GOALS = {
    1: _("No poverty"),
    2: _("Zero hunger"),
    3: _("Good health and well-being"),
    4: _("Quality education"),
    5: _("Gender equality"),
    6: _("Clean water and sanitation"),
    7: _("Affordable and clean energy"),
    8: _("Decent work and economic growth"),
    9: _("Industry, innovation and infrastructure"),
    10: _("Reduced inequalities"),
    11: _("Sustainable cities and communities"),
    12: _("Responsible consumption and production"),
    13: _("Climate action"),
    14: _("Life below water"),
    15: _("Life on land"),
    16: _("Peace, justice and strong institutions"),
    17: _("Partnerships for the goals"),
}


def goal_label(number):
    """“11 Sustainable cities and communities”, in the active language."""
    name = GOALS.get(number)
    return f"{number} {name}" if name else str(number)


def choices():
    return [(number, goal_label(number)) for number in GOALS]
