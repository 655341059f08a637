"""Frivillighetsregisteret's categories, from data/categories.csv (see data/SOURCES.md)."""

import csv
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "categories.csv"


def load(apps, schema_editor):
    Category = apps.get_model("volunteering", "Category")
    with DATA.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            Category.objects.update_or_create(
                code=row["code"], defaults={"label_nb": row["label_nb"], "label_en": row["label_en"]})


class Migration(migrations.Migration):
    dependencies = [("volunteering", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
