"""History reasons are stored as a code with parameters, within the column's 100 characters
whatever the planner's file was called, and read in the active language."""

import pytest
from django.utils import timezone, translation

from places import history


@pytest.mark.parametrize("name", ['"' * 200, "\\" * 150, "ø" * 300, "plan\n\t\x00.geojson", "kort.geojson"])
def test_a_file_name_of_any_kind_fits(name):
    stored = history.reason("area_from_file", name=name)
    assert len(stored) <= history.REASON_MAX_LENGTH
    assert history.reason_code(stored) == "area_from_file"
    with translation.override("en"):
        assert history.reason_text(stored).startswith("Area from the file ")


def test_the_moment_is_written_in_the_reader_s_language():
    moment = timezone.make_aware(timezone.datetime(2026, 3, 5, 14, 7, 9))
    stored = history.reason("reverted", when=moment.isoformat())
    with translation.override("en"):
        assert history.reason_text(stored) == "Reverted to the version of 5 March 2026 14:07:09"
    with translation.override("nb"):
        assert history.reason_text(stored) == "Tilbakestilt til versjonen fra 5. mars 2026 14:07:09"


@pytest.mark.parametrize("stored", ["Publisert", "", None, "{}", '{"c": "nonsense"}', "[1, 2]", '{"c": "reverted", "p": 5}'])
def test_anything_else_is_shown_as_it_is_or_safely(stored):
    text = history.reason_text(stored)
    assert isinstance(text, str)


def test_unknown_codes_are_refused_when_writing():
    with pytest.raises(ValueError):
        history.reason("nonsense")
