"""Frivillighetsregisteret's categories, from data/categories.csv (see data/SOURCES.md)."""

from django.db import migrations

from volunteering.categories import load_categories


def load(apps, schema_editor):
    load_categories(apps.get_model("volunteering", "Category"))


class Migration(migrations.Migration):
    dependencies = [("volunteering", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
