"""The 14 themes of the Place Standard tool (Stedskompasset), in the order the tool asks them.

A fixed list in code rather than a table: the themes are the tool's, not the municipality's,
and results are only comparable between rounds and places while every round asks the same
fourteen. The English names and questions are those of data/place-standard-themes.csv (the
tool's version 1 wording); the bokmål ones are our own translation (the official Norwegian
labels are not public), in the catalogue. tests/stedskompasset/test_themes.py compares this
list with the CSV.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

MIN_SCORE, MAX_SCORE = 1, 7
SCORES = range(MIN_SCORE, MAX_SCORE + 1)


@dataclass(frozen=True)
class Theme:
    number: int
    name: Promise
    question: Promise


THEMES = (
    Theme(1, pgettext_lazy("place standard theme", "Moving around"),
          _("Can I easily walk and cycle around using good-quality routes?")),
    Theme(2, pgettext_lazy("place standard theme", "Public transport"),
          _("Does public transport meet my needs?")),
    Theme(3, pgettext_lazy("place standard theme", "Traffic and parking"),
          _("Do traffic and parking arrangements allow people to move around safely and meet the "
            "community's needs?")),
    Theme(4, pgettext_lazy("place standard theme", "Streets and spaces"),
          _("Do buildings, streets and public spaces create an attractive place that is easy to get around?")),
    Theme(5, pgettext_lazy("place standard theme", "Natural space"),
          _("Can I regularly experience good-quality natural space?")),
    Theme(6, pgettext_lazy("place standard theme", "Play and recreation"),
          _("Can I access a range of spaces with opportunities for play and recreation?")),
    Theme(7, pgettext_lazy("place standard theme", "Facilities and amenities"),
          _("Do facilities and amenities meet my needs?")),
    Theme(8, pgettext_lazy("place standard theme", "Work and local economy"),
          _("Is there an active local economy and the opportunity to access good-quality work?")),
    Theme(9, pgettext_lazy("place standard theme", "Housing and community"),
          _("Do the homes in my area support the needs of the community?")),
    Theme(10, pgettext_lazy("place standard theme", "Social contact"),
          _("Is there a range of spaces and opportunities to meet people?")),
    Theme(11, pgettext_lazy("place standard theme", "Identity and belonging"),
          _("Does this place have a positive identity and do I feel I belong?")),
    Theme(12, pgettext_lazy("place standard theme", "Feeling safe"),
          _("Do I feel safe here?")),
    Theme(13, pgettext_lazy("place standard theme", "Care and maintenance"),
          _("Are buildings and spaces well cared for?")),
    Theme(14, pgettext_lazy("place standard theme", "Influence and sense of control"),
          _("Do I feel able to take part in decisions and help change things for the better?")),
)
THEME_NUMBERS = tuple(theme.number for theme in THEMES)
BY_NUMBER = {theme.number: theme for theme in THEMES}
THEME_CHOICES = [(theme.number, theme.name) for theme in THEMES]
