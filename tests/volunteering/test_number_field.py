"""The form field for organisation numbers: spaces as people type them, the one rule after."""

import pytest
from django import forms
from django.utils import translation

from volunteering.forms import OrganisationNumberField


class NumberForm(forms.Form):
    number = OrganisationNumberField()


@pytest.mark.parametrize("typed, cleaned", [("974760673", "974760673"), ("974 760 673", "974760673"),
                                            (" 923609016 ", "923609016")])
def test_accepts(typed, cleaned):
    form = NumberForm({"number": typed})
    assert form.is_valid() and form.cleaned_data["number"] == cleaned


@pytest.mark.parametrize("typed", ["974760674", "400000001", "97476067", "974-760-673", "974\t760673",
                                   "97476067\x00", "x" * 5000, "٩٧٤٧٦٠٦٧٣"])
def test_refuses_with_the_message(typed):
    with translation.override("nb"):
        form = NumberForm({"number": typed})
        assert not form.is_valid()
        assert "number" in form.errors


def test_refuses_in_bokmaal_with_the_rule_s_message():
    with translation.override("nb"):
        form = NumberForm({"number": "974760674"})
        form.is_valid()
        assert form.errors["number"] == ["Skriv inn et gyldig organisasjonsnummer: ni sifre, som i "
                                         "Enhetsregisteret (for eksempel 974760673)."]


def test_empty_is_required():
    assert not NumberForm({"number": ""}).is_valid()
