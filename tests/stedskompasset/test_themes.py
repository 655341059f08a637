"""The 14 themes in code match the Place Standard's own list (the CSV copied into the app), and
each has a bokmål name and question of our own."""

import csv
from pathlib import Path

from django.utils import translation

from stedskompasset.themes import THEMES

CSV = Path(__file__).resolve().parents[2] / "stedskompasset" / "data" / "place-standard-themes.csv"


def test_the_themes_are_the_place_standards():
    with CSV.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == len(THEMES) == 14
    with translation.override("en"):
        for row, theme in zip(rows, THEMES):
            assert theme.number == int(row["no"])
            assert str(theme.name) == row["theme_en_v1"]
            assert str(theme.question) == row["main_question_en"]


def test_every_theme_has_a_bokmal_name_and_question():
    with translation.override("nb"):
        names = [str(theme.name) for theme in THEMES]
        questions = [str(theme.question) for theme in THEMES]
    with translation.override("en"):
        english = [str(theme.name) for theme in THEMES] + [str(theme.question) for theme in THEMES]
    assert not set(names + questions) & set(english)
    assert len(set(names)) == 14 and all(q.endswith("?") for q in questions)
