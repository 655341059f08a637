"""Norwegian organisation numbers (organisasjonsnummer): the one place they are checked.

Nine digits; the last is a modulus-11 check digit over the first eight with the weights
3 2 7 6 5 4 3 2. Remainder 0 gives check digit 0; remainder 1 gives no valid number at all
(Brønnøysundregistrene never issue those); otherwise the check digit is 11 − remainder.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2)
MESSAGE = _("Enter a valid organisation number: nine digits, as in Enhetsregisteret (for example 974760673).")


def check_digit(first_eight):
    """The check digit for eight digits, or None where no number can end them."""
    remainder = sum(int(d) * w for d, w in zip(first_eight, WEIGHTS)) % 11
    if remainder == 0:
        return 0
    if remainder == 1:
        return None
    return 11 - remainder


def is_valid(number):
    # isdigit() is true for other scripts' digits too ("٩"), so compare with ASCII digits.
    if not isinstance(number, str) or len(number) != 9 or not all("0" <= c <= "9" for c in number):
        return False
    return check_digit(number[:8]) == int(number[8])


def validate(value):
    """Django validator: used by the model field, so forms, the admin and full_clean() agree."""
    if not is_valid(value):
        raise ValidationError(MESSAGE, code="invalid_organisation_number")
