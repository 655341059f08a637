"""Enhetsregisteret → the register of organisations (`manage.py import_brreg`).

Keeps the units of one municipality that are registered in Frivillighetsregisteret, matched by
organisation number; a deleted unit (slettedato) is made inactive. Anything it cannot use is
counted and told, never stops the run. The whole run is one transaction: a file that turns out
unreadable half-way (see brreg.UnreadableFile) changes nothing.

Memory stays bounded: the file is streamed (brreg.py) and writes go out in batches; only the
municipality's own organisations (a few thousand at most) are held, to compare against.
A unit listed twice in one file (the register lists each once) is taken twice: the last listing
wins. Categories are left empty: the bulk file does not carry Frivillighetsregisteret's categories, and
naeringskode1 (NACE) does not map soundly onto ICNPO.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from asker import pagecache

from . import brreg, orgnr
from .locations import Locator
from .models import Organisation

BATCH = 500
MAX_REJECTIONS_KEPT = 50
Source = Organisation.Source
# What the register decides; the rest (categories, a location set by hand) is ours.
REGISTER_FIELDS = ("name", "street", "postcode", "post_town", "municipality_number", "website", "email", "phone", "active")
PLACE_FIELDS = ("centre_id", "location", "location_approximate", "location_basis")
LIMITS = {"name": 300, "street": 300, "postcode": 4, "post_town": 100, "website": 300, "email": 254, "phone": 40}

COUNT_LABELS = {
    "created": gettext_lazy("created"),
    "updated": gettext_lazy("updated"),
    "unchanged": gettext_lazy("unchanged"),
    "deactivated": gettext_lazy("deactivated"),
    "rejected": gettext_lazy("rejected"),
    "other_municipality": gettext_lazy("skipped, other municipality"),
    "not_registered": gettext_lazy("skipped, not in Frivillighetsregisteret"),
    "deleted_unknown": gettext_lazy("skipped, deleted and never imported"),
}


def default_municipality():
    return getattr(settings, "VOLUNTEERING_MUNICIPALITY", "3203")


@dataclass
class Result:
    counts: Counter = field(default_factory=Counter)
    rejections: list = field(default_factory=list)

    def reject(self, position, reason):
        self.counts["rejected"] += 1
        if len(self.rejections) < MAX_REJECTIONS_KEPT:
            self.rejections.append((position, reason))


class Reject(Exception):
    pass


def import_file(path, municipality=None, source=Source.BRREG):
    """Import one bulk file; returns a Result. Raises brreg.UnreadableFile, having changed nothing.
    `source` marks what it creates: the demo imports its invented units as demo."""
    municipality = municipality or default_municipality()
    with transaction.atomic():
        run = _Run(municipality, source)
        for position, unit in enumerate(brreg.read_units(path), start=1):
            run.take(position, unit)
        run.flush()
    return run.result


class _Run:
    def __init__(self, municipality, source):
        self.municipality, self.source = municipality, source
        self.locator = Locator(municipality)
        self.known = {o.number: o for o in Organisation.objects.all()}
        self.to_create, self.to_update = [], {}
        self.result = Result()
        self.now = timezone.now()

    def take(self, position, unit):
        """Count every element exactly once, under the first heading that fits it."""
        if isinstance(unit, brreg.Rejected):
            self.result.reject(position, unit.reason)
            return
        try:
            self.result.counts[self._outcome(unit)] += 1
        except Reject as exc:
            self.result.reject(position, str(exc))
        self._flush_full()

    def _outcome(self, unit):
        number = _number(unit)
        address = _address(unit)
        existing = self.known.get(number)
        if _text(address.get("kommunenummer")) != self.municipality:
            return self._leave(existing) or "other_municipality"
        if not _true(unit.get("registrertIFrivillighetsregisteret")):
            return self._leave(existing) or "not_registered"
        if unit.get("slettedato"):
            if existing is None:
                return "deleted_unknown"
            return self._deactivate(existing)
        try:
            values = _values(unit, address)
        except Reject as exc:
            raise Reject(f"{number}: {exc}") from exc
        if existing is None or existing.location_basis != Organisation.LocationBasis.HAND:
            values.update(self.locator.place(values["postcode"], values["post_town"]).values())
        if existing is None:
            organisation = Organisation(number=number, source=self.source, **values)
            self.known[number] = organisation
            self.to_create.append(organisation)
            return "created"
        if _assign(existing, values):
            self._queue_update(existing)
            return "updated"
        return "unchanged"

    def _leave(self, existing):
        """One this import made that has left the register or the municipality: inactive. One
        entered by hand stays as it is: it may be a local group never in Frivillighetsregisteret."""
        if existing is not None and existing.active and existing.source == self.source:
            return self._deactivate(existing)
        return None

    def _deactivate(self, existing):
        if not existing.active:
            return "unchanged"
        existing.active = False
        self._queue_update(existing)
        return "deactivated"

    def _queue_update(self, organisation):
        if organisation.pk is not None:  # else it is still waiting in to_create, changed in place
            self.to_update[organisation.pk] = organisation

    def _flush_full(self):
        if len(self.to_create) >= BATCH or len(self.to_update) >= BATCH:
            self.flush()

    def flush(self):
        if self.to_create or self.to_update:
            pagecache.bump()  # bulk writes send no signals
        if self.to_create:
            Organisation.objects.bulk_create(self.to_create, batch_size=BATCH)
            self.to_create = []
        if self.to_update:
            changed = list(self.to_update.values())
            for organisation in changed:
                organisation.updated_at = self.now  # bulk_update does not run auto_now
            Organisation.objects.bulk_update(changed, REGISTER_FIELDS + PLACE_FIELDS + ("updated_at",), batch_size=BATCH)
            self.to_update = {}


def _assign(organisation, values):
    changed = False
    for name, value in values.items():
        current = getattr(organisation, name)
        same = (current is None and value is None) if current is None or value is None else (
            current.equals_exact(value) if name == "location" else current == value)
        if not same:
            setattr(organisation, name, value)
            changed = True
    return changed


def _number(unit):
    if not isinstance(unit, dict):
        raise Reject(_("not an object"))
    number = unit.get("organisasjonsnummer")
    if number in (None, ""):
        raise Reject(_("no organisation number"))
    number = _text(number)
    if not orgnr.is_valid(number):
        raise Reject(_("invalid organisation number %(number)s") % {"number": repr(number)[:20]})
    return number


def _address(unit):
    """The business address; Enhetsregisteret gives many associations only a postal one."""
    for key in ("forretningsadresse", "postadresse"):
        if isinstance(unit.get(key), dict):
            return unit[key]
    return {}


def _values(unit, address):
    street = address.get("adresse")
    if isinstance(street, list):
        street = ", ".join(_text(line) for line in street if line)
    values = {
        "name": _text(unit.get("navn")),
        "street": _text(street),
        "postcode": _text(address.get("postnummer")),
        "post_town": _text(address.get("poststed")),
        "municipality_number": _text(address.get("kommunenummer")),
        "website": _text(unit.get("hjemmeside")),
        "email": _text(unit.get("epostadresse")),
        "phone": _text(unit.get("telefon") or unit.get("mobil")),
        "active": True,
    }
    if not values["name"]:
        raise Reject(_("no name"))
    for name, value in values.items():
        if isinstance(value, str) and "\x00" in value:
            raise Reject(_("a NUL character in %(field)s") % {"field": name})
        if name in LIMITS and len(value) > LIMITS[name]:
            raise Reject(_("%(field)s is too long") % {"field": name})
    if values["email"]:
        try:
            EmailValidator()(values["email"])
        except ValidationError:
            values["email"] = ""  # a bad address is no reason to leave the organisation out
    return values


def _text(value):
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        raise Reject(_("a field holds a structure where text was expected"))
    return str(value).strip()


def _true(value):
    return value is True or (isinstance(value, str) and value.strip().lower() == "true")
