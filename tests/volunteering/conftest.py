import datetime
import gzip
import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from asker import roles

from tests.factories import CentreFactory, KommunesenterFactory, MunicipalityFactory, UserFactory
from volunteering import orgnr


@pytest.fixture(autouse=True)
def _categories(request):
    """Every database test here has the categories (see `categories`)."""
    if "db" in request.fixturenames or request.node.get_closest_marker("django_db"):
        request.getfixturevalue("categories")


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


@pytest.fixture
def categories(db):
    """The categories as migration 0002 loads them: a test after a transactional one (a live
    server's, a race test's) finds them flushed, and the suite runs in random order."""
    from volunteering.categories import load_categories
    from volunteering.models import Category

    if not Category.objects.exists():
        load_categories(Category)


@pytest.fixture
def org(centres, categories):
    """An organisation with a representative, a published opportunity, and one other organisation
    with its own representative (tests/volunteering/test_opportunity_*.py and friends)."""
    from volunteering.models import Category, Organisation, Representative

    helpers = Organisation.objects.create(number="974760673", name="Heggedal Hjelpekorps", centre=centres["heggedal"])
    helpers.categories.set([Category.objects.get(code="4 100")])
    others = Organisation.objects.create(number="923609016", name="Asker Turlag", centre=centres["asker-sentrum"])
    others.categories.set([Category.objects.get(code="5 100")])
    Representative.objects.create(organisation=helpers, user=UserFactory(username="rep", role=roles.ORGANISATION_REPRESENTATIVE))
    Representative.objects.create(organisation=others, user=UserFactory(username="otherrep", role=roles.ORGANISATION_REPRESENTATIVE))
    return helpers


@pytest.fixture
def opportunity(org, centres):
    from volunteering.models import Opportunity

    return Opportunity.objects.create(
        organisation=org, title="Vakter til 17. mai", description="Hjelp oss med kafeen.",
        commitment=Opportunity.Commitment.ONCE, centre=centres["heggedal"],
        starts_on=datetime.date(2026, 5, 1), ends_on=datetime.date(2099, 5, 17), published=True)


ROLE_USERS = ["anonymous", "resident", "rep", "otherrep", "planner", "administrator"]


def sign_in(client, who):
    """The client as one of ROLE_USERS (rep and otherrep come from the `org` fixture)."""
    if who == "anonymous":
        return None
    user = get_user_model().objects.filter(username=who).first() or UserFactory(
        username=who, role={"resident": roles.RESIDENT, "planner": roles.PLANNER,
                            "administrator": roles.ADMINISTRATOR}[who])
    client.force_login(user)
    return user
