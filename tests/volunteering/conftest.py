import gzip
import io
import json

import pytest
from django.core.management import call_command

from tests.factories import CentreFactory, KommunesenterFactory, MunicipalityFactory
from volunteering import orgnr


@pytest.fixture(autouse=True)
def _categories(request):
    """Migration 0002's categories, also after a transactional test elsewhere flushed the tables
    (the suite runs in random order)."""
    if "db" in request.fixturenames or request.node.get_closest_marker("django_db"):
        from volunteering.categories import load_categories
        from volunteering.models import Category

        request.getfixturevalue("db")
        if not Category.objects.exists():
            load_categories(Category)


def numbers(count, start=99000000):
    """`count` valid organisation numbers (built with the check digit; test_orgnr checks the rule
    itself against numbers verified by hand)."""
    found = []
    prefix = start
    while len(found) < count:
        digit = orgnr.check_digit(str(prefix))
        if digit is not None:
            found.append(f"{prefix}{digit}")
        prefix += 1
    return found


def unit(number, name, *, kommune="3203", registered=True, deleted=None, postcode="1389",
         town="HEGGEDAL", street="Heggedalsveien 1", website=None):
    """A unit shaped like Enhetsregisteret's (see brreg-enhet-example in volunteering/demo)."""
    found = {
        "organisasjonsnummer": number,
        "navn": name,
        "organisasjonsform": {"kode": "FLI", "beskrivelse": "Forening/lag/innretning"},
        "forretningsadresse": {"land": "Norge", "landkode": "NO", "postnummer": postcode, "poststed": town,
                               "adresse": [street], "kommune": "ASKER", "kommunenummer": kommune},
        "registrertIFrivillighetsregisteret": registered,
        "konkurs": False,
    }
    if website:
        found["hjemmeside"] = website
    if deleted:
        found["slettedato"] = deleted
    return found


def write_json(path, units, *, compress=False, text=None):
    data = (text if text is not None else json.dumps(units, ensure_ascii=False)).encode()
    path.write_bytes(gzip.compress(data) if compress else data)
    return path


def run_import(path, *args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_brreg", str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def summary(created=0, updated=0, unchanged=0, deactivated=0, rejected=0, other=0, not_registered=0, deleted_unknown=0):
    """The counts exactly as the command prints them (in bokmål, the default language)."""
    return (f"opprettet: {created}\noppdatert: {updated}\nuendret: {unchanged}\ndeaktivert: {deactivated}\n"
            f"avvist: {rejected}\nhoppet over, annen kommune: {other}\n"
            f"hoppet over, ikke i Frivillighetsregisteret: {not_registered}\n"
            f"hoppet over, slettet og aldri importert: {deleted_unknown}\n")


@pytest.fixture
def centres(db):
    """Two of Asker's centres, at their places in the demo data."""
    asker = MunicipalityFactory()
    sentrum = KommunesenterFactory(municipality=asker)
    heggedal = CentreFactory(municipality=asker, name="Heggedal", slug="heggedal", parent=sentrum,
                             location="SRID=4326;POINT(10.45 59.783)")
    return {"asker-sentrum": sentrum, "heggedal": heggedal}
