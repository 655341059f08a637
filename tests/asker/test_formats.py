"""Dates, times and numbers in the page's language, from asker/formats/<lang>/formats.py and the
filters in asker/templatetags/numbers.py: one place for each rule."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template
from django.utils import translation
from django.utils.formats import date_format, get_format

from places.figures import DwellingCount

MOMENT = datetime(2026, 11, 30, 0, 9, tzinfo=ZoneInfo("Europe/Oslo"))


def render(text, lang, **context):
    with translation.override(lang):
        return Template("{% load numbers humanize %}" + text).render(Context(context))


@pytest.mark.parametrize("lang, fmt, expected", [
    ("nb", "DATE_FORMAT", "30. november 2026"),
    ("en", "DATE_FORMAT", "30 November 2026"),
    ("nb", "DATETIME_FORMAT", "30. november 2026 kl. 00:09"),
    ("en", "DATETIME_FORMAT", "30 November 2026, 00:09"),
    ("nb", "SHORT_DATETIME_FORMAT", "30.11.2026 00:09"),
    ("en", "SHORT_DATETIME_FORMAT", "30/11/2026 00:09"),
])
def test_named_date_formats_per_language(lang, fmt, expected):
    with translation.override(lang):
        assert date_format(MOMENT, fmt) == expected
    assert render(f'{{{{ moment|date:"{fmt}" }}}}', lang, moment=MOMENT) == expected


def test_english_never_gets_the_american_defaults_or_the_norwegian_clock_word():
    with translation.override("en"):
        text = date_format(MOMENT, "DATETIME_FORMAT")
        assert "a.m." not in text and "Nov." not in text and "kl." not in text
        assert get_format("FIRST_DAY_OF_WEEK") == 1


@pytest.mark.parametrize("lang, expected", [("nb", "374\xa0814,0"), ("en", "374,814.0")])
def test_dekar_grouped_with_one_decimal(lang, expected):
    assert render("{{ value|dekar }}", lang, value=374814.04) == expected
    assert render("{{ value|dekar }}", lang, value=120) == ("120,0" if lang == "nb" else "120.0")


@pytest.mark.parametrize("lang, expected", [("nb", "1\xa0605"), ("en", "1,605")])
def test_counts_grouped_like_the_m2_beside_them(lang, expected):
    assert render("{{ value|dwellings }}", lang, value=1605) == expected
    assert render("{{ value|intcomma }}", lang, value=1605) == expected


@pytest.mark.parametrize("lang, unknown, phrase", [
    ("nb", "ukjent", "ukjent antall boliger"),
    ("en", "unknown", "unknown number of dwellings"),
])
def test_an_unknown_number_of_dwellings_is_said_not_zero(lang, unknown, phrase):
    assert render("{{ value|dwellings }}", lang, value=None) == unknown
    assert render("{{ value|dwellings_phrase }}", lang, value=None) == phrase
    assert render("{{ value|dwellings }}", lang, value=0) == "0"


@pytest.mark.parametrize("lang, number, phrase", [
    ("nb", "1\xa0605 (ukjent for 2 prosjekter)", "1\xa0605 boliger (ukjent for 2 prosjekter)"),
    ("en", "1,605 (unknown for 2 projects)", "1,605 dwellings (unknown for 2 projects)"),
])
def test_a_total_says_how_many_projects_it_could_not_count(lang, number, phrase):
    total = DwellingCount(projects=7, known=1605, unknown=2)
    assert render("{{ value|dwellings }}", lang, value=total) == number
    assert render("{{ value|dwellings_phrase }}", lang, value=total) == phrase


def test_a_total_of_only_unknown_projects_is_unknown_and_of_none_is_zero():
    assert render("{{ value|dwellings }}", "nb", value=DwellingCount(projects=1, unknown=1)) == "ukjent"
    assert render("{{ value|dwellings }}", "en", value=DwellingCount()) == "0"
    assert render("{{ value|dwellings_phrase }}", "en", value=DwellingCount(2, 1, 0)) == "1 dwelling"
    assert DwellingCount(1, 5, 0) + DwellingCount(2, 0, 2) == DwellingCount(3, 5, 2)


def test_norwegian_data_is_marked_on_english_pages_only_and_always_escaped():
    assert render("{{ name|nb }}", "en", name="Sætre <b>") == '<span lang="nb">Sætre &lt;b&gt;</span>'
    assert render("{{ name|nb }}", "nb", name="Sætre <b>") == "Sætre &lt;b&gt;"
    assert render("<p{% lang_nb %}>x</p>", "en") == '<p lang="nb">x</p>'
    assert render("<p{% lang_nb %}>x</p>", "nb") == "<p>x</p>"
    assert render("{{ name|nb }}", "en", name="") == ""
