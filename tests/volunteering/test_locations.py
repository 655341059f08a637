"""Where an imported organisation is put: its postcode's centre, else the centre its post town
names, else nowhere; always flagged approximate when placed."""

import pytest

from volunteering.locations import Locator, postcode_centres
from volunteering.models import Organisation

pytestmark = pytest.mark.django_db
Basis = Organisation.LocationBasis


def test_postcode_table_names_real_demo_centres():
    import csv

    from places.demo import loader  # noqa: F401  (the demo data the table refers to)
    from pathlib import Path

    slugs = {row["slug"] for row in csv.DictReader((Path(loader.__file__).parent / "data" / "centres.csv").open(encoding="utf-8"))}
    table = postcode_centres()
    assert len(table) > 30
    assert set(table.values()) <= slugs
    assert all(len(code) == 4 and code.isdigit() for code in table)


@pytest.mark.parametrize("postcode, town, slug, basis", [
    ("1389", "HEGGEDAL", "heggedal", Basis.POSTCODE),
    ("1384", "ASKER", "asker-sentrum", Basis.POSTCODE),
    ("0000", "Heggedal", "heggedal", Basis.POST_TOWN),
    ("3470", "SLEMMESTAD", None, Basis.NONE),  # Slemmestad's centre is not in this small world
    ("", "", None, Basis.NONE),
])
def test_placing(centres, postcode, town, slug, basis):
    placing = Locator("3203").place(postcode, town)
    assert placing.basis == basis
    if slug is None:
        assert placing.centre_id is None and placing.location is None and not placing.approximate
    else:
        assert placing.centre_id == centres[slug].pk and placing.approximate
        assert placing.location.equals_exact(centres[slug].location)


def test_other_municipality_has_no_centres(centres):
    assert Locator("3301").place("1389", "HEGGEDAL").basis == Basis.NONE
