"""Frivillighetsregisteret's categories, from data/categories.csv (see data/SOURCES.md): loaded by
migration 0002 and again by the demo loader, which must not depend on rows that a test database
flush (or a hand-emptied table) has removed."""

import csv
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "categories.csv"


def load_categories(Category):
    """Create or update every category; `Category` is the model (the migration's historical one)."""
    with DATA.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            Category.objects.update_or_create(
                code=row["code"], defaults={"label_nb": row["label_nb"], "label_en": row["label_en"]})
