"""The organisation-number rule, against numbers worked out by hand:
974760673: 9·3+7·2+4·7+7·6+6·5+0·4+6·3+7·2 = 173; 173 mod 11 = 8; 11 − 8 = 3 ✓ (Brønnøysundregistrene)
923609016: 27+4+21+36+0+36+0+2 = 126; 126 mod 11 = 5; 11 − 5 = 6 ✓
985399077: 27+16+35+18+45+36+0+14 = 191; 191 mod 11 = 4; 11 − 4 = 7 ✓
100000008: 3 mod 11 = 3; 11 − 3 = 8 ✓
110000006: 3+2 = 5; 11 − 5 = 6 ✓
200000006: 6 mod 11 = 6; 11 − 6 = 5, so …06 is wrong and 200000005 right
400000001: 4·3 = 12; 12 mod 11 = 1 → no valid number starts 40000000
000000000: 0 mod 11 = 0 → check digit 0 ✓ (remainder 0 gives 0)
"""

import pytest
from django.core.exceptions import ValidationError

from volunteering import orgnr

GOOD = ["974760673", "923609016", "985399077", "100000008", "200000005", "000000000", "110000006"]
BAD = [
    "974760674",  # wrong check digit
    "974760670",
    "200000006",
    "400000001",  # remainder 1: no check digit works
    "400000000",
    "97476067",  # 8 digits
    "9747606731",  # 10 digits
    "97476067a",
    "974 760 673",
    " 974760673",
    "97476067\x00",
    "974760673\x00",
    "٩٧٤٧٦٠٦٧٣",  # Arabic-Indic digits: isdigit() says yes, the register says no
    "",
    None,
    974760673,
]


@pytest.mark.parametrize("number", GOOD)
def test_good_numbers(number):
    assert orgnr.is_valid(number)
    orgnr.validate(number)


@pytest.mark.parametrize("number", BAD)
def test_bad_numbers(number):
    assert not orgnr.is_valid(number)
    with pytest.raises(ValidationError) as raised:
        orgnr.validate(number)
    assert raised.value.code == "invalid_organisation_number"


def test_remainder_one_has_no_check_digit():
    assert orgnr.check_digit("40000000") is None
    assert not any(orgnr.is_valid(f"40000000{d}") for d in range(10))


def test_message_in_both_languages():
    from django.utils import translation

    with translation.override("nb"):
        assert "organisasjonsnummer" in str(orgnr.MESSAGE)
    with translation.override("en"):
        assert "organisation number" in str(orgnr.MESSAGE)
