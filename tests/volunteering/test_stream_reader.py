"""The JSON reader streams: with a tiny window and tiny reads every element still comes out
whole, and a broken one is skipped the same way, across read boundaries."""

import json

import pytest

from volunteering import brreg

from .conftest import numbers, unit, write_json

NUMBERS = numbers(40, start=96000000)


def sample_text():
    parts = [json.dumps(unit(n, f"Lag {i}"), ensure_ascii=False) for i, n in enumerate(NUMBERS)]
    parts[7] = parts[7][:-30]  # cut short: the next element must still be found
    parts[20] = parts[20].replace('"navn"', '"navn" "x"', 1)
    parts[33] = '{"organisasjonsnummer": "1", "underenheter": [{"a": 1}, {"b": 2}], "navn": ]'
    return "[\n" + ",\n".join(parts) + "\n]\n"


def read(path):
    return [item if isinstance(item, brreg.Rejected) else item["organisasjonsnummer"]
            for item in brreg.read_units(path)]


@pytest.mark.parametrize("chunk, window", [(7, 600), (1, 700), (64, 1000), (1 << 20, 1 << 20)])
def test_small_reads_give_the_same_elements(tmp_path, monkeypatch, chunk, window):
    monkeypatch.setattr(brreg, "CHUNK_CHARS", chunk)
    monkeypatch.setattr(brreg, "MAX_ELEMENT_CHARS", window)
    found = read(write_json(tmp_path / "e.json", None, text=sample_text()))
    expected = [n for i, n in enumerate(NUMBERS) if i not in (7, 20, 33)]
    assert [n for n in found if not isinstance(n, brreg.Rejected)] == expected
    assert [i for i, n in enumerate(found) if isinstance(n, brreg.Rejected)] == [7, 20, 33]


def test_element_larger_than_the_window_is_rejected_not_held(tmp_path, monkeypatch):
    monkeypatch.setattr(brreg, "CHUNK_CHARS", 64)
    monkeypatch.setattr(brreg, "MAX_ELEMENT_CHARS", 600)
    huge = unit(NUMBERS[1], "Stort Lag")
    huge["aktivitet"] = ["x" * 5000]
    text = json.dumps([unit(NUMBERS[0], "Lite Lag"), huge, unit(NUMBERS[2], "Neste Lag")])
    found = read(write_json(tmp_path / "e.json", None, text=text))
    assert found[0] == NUMBERS[0] and isinstance(found[1], brreg.Rejected) and found[2:] == [NUMBERS[2]]
