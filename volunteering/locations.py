"""Where an organisation is, from its postal address: Asker's postcodes mapped to the nearest
centre (data/postcodes.csv, see data/SOURCES.md). Only ever approximate: a postcode covers a
whole area, so the organisation is placed at that centre's point and flagged so."""

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from places.models import Centre

from .models import Organisation

POSTCODES = Path(__file__).resolve().parent / "data" / "postcodes.csv"
Basis = Organisation.LocationBasis


@dataclass(frozen=True)
class Placing:
    centre_id: int | None
    location: object  # a Point or None
    approximate: bool
    basis: str

    def values(self):
        return {"centre_id": self.centre_id, "location": self.location,
                "location_approximate": self.approximate, "location_basis": self.basis}


NOWHERE = Placing(None, None, False, Basis.NONE)


@cache
def postcode_centres():
    with POSTCODES.open(encoding="utf-8") as f:
        return {row["postcode"]: row["centre"] for row in csv.DictReader(f)}


class Locator:
    """Reads the municipality's centres once; then places any number of addresses without a query."""

    def __init__(self, municipality_number):
        centres = Centre.objects.filter(municipality__number=municipality_number).values_list("id", "slug", "name", "location")
        self.by_slug = {slug: (pk, point) for pk, slug, _name, point in centres}
        self.by_name = {name.casefold(): (pk, point) for pk, _slug, name, point in centres}

    def place(self, postcode, post_town):
        slug = postcode_centres().get(postcode or "")
        if slug in self.by_slug:
            pk, point = self.by_slug[slug]
            return Placing(pk, point, True, Basis.POSTCODE)
        found = self.by_name.get((post_town or "").casefold())
        if found:
            return Placing(found[0], found[1], True, Basis.POST_TOWN)
        return NOWHERE
