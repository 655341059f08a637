"""Realistic bounds and formats for what planners, administrators and importers type in.

The model fields carry these validators and the models' CheckConstraints are built from the same
numbers, so the admin, the workspace forms, the demo loader and the database agree. The bounds
also keep sums in SQL far from the 32-bit integer limit (flats=2147483647 once made / a 500).
"""

from datetime import datetime, timezone

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db.models import Q
from django.utils.deconstruct import deconstructible
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

# A project has at most this many dwellings (each kind and all together); a phase likewise.
MAX_DWELLINGS = 100_000
MAX_COMMERCIAL_M2 = 10_000_000
MIN_YEAR, MAX_YEAR = 1900, 2100
# Larger than any Norwegian municipality, centre or district will be.
MAX_POPULATION = 10_000_000
# Places in one school, kindergarten, health or care centre.
MAX_CAPACITY = 100_000
# Yearly population growth in per cent.
MIN_GROWTH_RATE, MAX_GROWTH_RATE = -10, 10
MAX_PHASE_NUMBER = 999
# A consultation opens and closes within these years (a year-1 date once stored a timestamp
# before the common era that the database driver could not read back, taking /medvirkning/ down).
FIRST_CONSULTATION_YEAR, LAST_CONSULTATION_YEAR = 2000, 2100
EARLIEST_MOMENT = datetime(FIRST_CONSULTATION_YEAR, 1, 1, tzinfo=timezone.utc)
LATEST_MOMENT = datetime(LAST_CONSULTATION_YEAR, 12, 31, 23, 59, 59, tzinfo=timezone.utc)
# Ten years: the longest a consultation keeps its comments' authors after closing.
MAX_RETENTION_DAYS = 3650

# The national arealplan-ID (SOSI NasjonalArealplanId): the four-digit kommunenummer followed by
# the municipality's own planidentifikasjon, a text of at most 16 characters. We allow the
# characters municipalities use in it (letters, digits, '-', '_', '.'), never '/' or a space,
# so every plan ID is also one segment of a web address.
PLAN_LOCAL_ID_MAX = 16
PLAN_ID_PATTERN = r"[0-9]{4}[0-9A-Za-z._-]{1,%d}" % PLAN_LOCAL_ID_MAX
PLAN_ID_MAX_LENGTH = 4 + PLAN_LOCAL_ID_MAX
# What the slug path converter accepts; slugs outside it cannot be linked to.
SLUG_PATTERN = r"[-a-zA-Z0-9_]+"
# Path words the workspace uses where a project's or a centre's slug goes
# (/planlegger/prosjekter/ny/ is the new-project form): no slug may be one of them.
# tests/workspace/test_reserved_slugs.py compares this with workspace/urls.py.
RESERVED_SLUGS = ("ny",)
MUNICIPALITY_NUMBER_PATTERN = r"[0-9]{4}"
DISTRICT_CODE_PATTERN = r"[0-9]{6,8}"

plan_id_validator = RegexValidator(
    rf"^{PLAN_ID_PATTERN}\Z",
    _("A plan ID is the four-digit municipality number followed by up to 16 letters (a–z), digits, "
      "hyphens, underscores or full stops, for example 3203201901."),
    code="plan_id",
)
municipality_number_validator = RegexValidator(
    rf"^{MUNICIPALITY_NUMBER_PATTERN}\Z", _("A municipality number has four digits."), code="number"
)
district_code_validator = RegexValidator(
    rf"^{DISTRICT_CODE_PATTERN}\Z", _("A district code has six to eight digits."), code="code"
)


@deconstructible
class NotReservedValidator:
    message = _("“%(value)s” is a word the portal's addresses use. Choose another address name.")
    code = "reserved"

    def __call__(self, value):
        if value in RESERVED_SLUGS:
            raise ValidationError(self.message, code=self.code, params={"value": value})

    def __eq__(self, other):
        return isinstance(other, NotReservedValidator)


slug_not_reserved = NotReservedValidator()


def not_reserved(field):
    """A CheckConstraint condition: `field` is none of RESERVED_SLUGS."""
    return ~Q(**{f"{field}__in": RESERVED_SLUGS})


def moment_validators():
    message = format_lazy(_("Choose a date in the years {first} to {last}."),
                          first=FIRST_CONSULTATION_YEAR, last=LAST_CONSULTATION_YEAR)
    return [MinValueValidator(EARLIEST_MOMENT, message), MaxValueValidator(LATEST_MOMENT, message)]


def not_negative():
    return MinValueValidator(0, _("Cannot be negative."))


def at_most(limit):
    return MaxValueValidator(limit, _("Cannot be more than %(limit_value)s."))


def dwellings_validators():
    return [not_negative(), at_most(MAX_DWELLINGS)]


def year_validators():
    return [
        MinValueValidator(MIN_YEAR, _("A year from %(limit_value)s on.")),
        MaxValueValidator(MAX_YEAR, _("A year up to %(limit_value)s.")),
    ]


def between(field, low, high, null=False):
    """A CheckConstraint condition: `field` lies in [low, high] (or is NULL when allowed)."""
    condition = Q(**{f"{field}__gte": low, f"{field}__lte": high})
    return Q(**{f"{field}__isnull": True}) | condition if null else condition


def matches(field, pattern, blank=False):
    condition = Q(**{f"{field}__regex": rf"^{pattern}$"})
    return Q(**{field: ""}) | condition if blank else condition
