"""The volunteering demo: invented organisations across the categories and centres, and the
import of demo/enheter.json. Safe to run again: everything is keyed by organisation number."""

import datetime
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from places.models import Centre

from .. import importer, orgnr
from ..categories import load_categories
from ..models import Category, Opportunity, Organisation

FIXTURE = Path(__file__).resolve().parent / "enheter.json"
# Numbers starting with 1 are never issued (see README.md), so none is a real organisation's.
FIRST_PREFIX = 10000000
KINDS = {
    "1": "kulturforening", "2": "studieforening", "3": "pasientforening", "4": "besøkstjeneste",
    "5": "naturvernlag", "6": "velforening", "7": "interesseforening", "8": "stiftelse",
    "9": "vennskapsforening", "10": "menighetsforening", "11": "yrkeslag", "12": "lag",
    "13": "ungdomslag", "14": "inkluderingsnettverk",
}


def demo_numbers():
    prefix = FIRST_PREFIX
    while True:
        digit = orgnr.check_digit(str(prefix))
        if digit is not None:
            yield f"{prefix}{digit}"
        prefix += 1


@transaction.atomic
def load():
    """Returns (organisations generated, the fixture import's Result)."""
    load_categories(Category)
    categories = sorted(Category.objects.all(), key=Category.sort_key)
    centres = list(Centre.objects.filter(municipality__number=importer.default_municipality()).order_by("name"))
    made = 0
    for i, (number, category) in enumerate(zip(demo_numbers(), categories)):
        centre = centres[i % len(centres)] if centres else None
        place = centre.name if centre else "Asker"
        _upsert(number, category, {
            "name": f"{place} {KINDS[category.code.split()[0]]} (demo)",
            "post_town": place.upper(),
            "centre": centre,
            "location": centre.location if centre else None,
            "location_approximate": centre is not None,
            "location_basis": Organisation.LocationBasis.CENTRE if centre else Organisation.LocationBasis.NONE,
            "website": f"www.example.org/{number}",
            "active": i % 11 != 10,  # a few inactive ones, to show what the public does not see
            "source": Organisation.Source.DEMO,
        })
        made += 1
    _opportunities()
    return made, importer.import_file(FIXTURE, source=Organisation.Source.DEMO)


def _upsert(number, category, values):
    """Save only what differs, so a second run touches nothing (and the pages' content stamp
    does not move)."""
    organisation = Organisation.objects.filter(number=number).first() or Organisation(number=number)
    changed = organisation.pk is None
    for name, value in values.items():
        current = getattr(organisation, name)
        same = current.equals_exact(value) if name == "location" and current and value else current == value
        if not same:
            setattr(organisation, name, value)
            changed = True
    if changed:
        organisation.full_clean()
        organisation.save()
    if list(organisation.categories.all()) != [category]:
        organisation.categories.set([category])


# (title, description, commitment, for young people, days it lasts or None)
OPPORTUNITIES = [
    ("Leksehjelp for barneskoleelever", "Vi trenger voksne som kan hjelpe elever i 5.–7. klasse med lekser "
     "én ettermiddag i uken.", Opportunity.Commitment.WEEKLY, False, None),
    ("Vakter til sommerfesten", "Hjelp oss med rigging, kafé og rydding på sommerfesten.",
     Opportunity.Commitment.ONCE, True, 120),
    ("Turvenn for eldre", "Bli med en eldre på tur når det passer for deg.", Opportunity.Commitment.OCCASIONAL,
     False, None),
    ("Ryddeaksjon i strandsonen", "Vi rydder strender og stier sammen en lørdag.", Opportunity.Commitment.ONCE,
     True, 180),
]


def _opportunities():
    """A few opportunities of the first active demo organisations with a centre. Made once: a
    second run (another day) leaves their dates alone."""
    organisations = (Organisation.objects.filter(source=Organisation.Source.DEMO, active=True, centre__isnull=False,
                                                 number__startswith="1").order_by("number")[:len(OPPORTUNITIES)])
    today = timezone.localdate()
    for organisation, (title, description, commitment, young, days) in zip(organisations, OPPORTUNITIES):
        Opportunity.objects.get_or_create(organisation=organisation, title=title, defaults={
            "description": description, "commitment": commitment, "centre_id": organisation.centre_id,
            "starts_on": today, "ends_on": today + datetime.timedelta(days=days) if days else None,
            "for_young_people": young, "published": True,
        })
