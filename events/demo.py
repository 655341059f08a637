"""Demo events for `make run`: coming public meetings, a workshop and Lene-timen, at the demo
innbyggertorg where there are any and at centres otherwise. Safe to run again: an event is
made once per title (another only once the earlier one is over)."""

from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from community.models import Innbyggertorg
from places.models import Centre

from .models import Event

K = Event.Kind
# (title, kind, days from today, start hour, hours, capacity, the centre it belongs to)
EVENTS = [
    ("Lene-timen i Heggedal (demo)", K.LENE_TIMEN, 6, 17, 1, 12, "heggedal",
     "Demoarrangement: Ordføreren tar imot innbyggere til en uformell prat. Ingen saksliste: kom med det du lurer på."),
    ("Folkemøte om Heggedal sentrum (demo)", K.PUBLIC_MEETING, 9, 18, 2, None, "heggedal",
     "Demoarrangement: Kommunen orienterer om planene for torget, parken og gangveiene, og svarer på spørsmål."),
    ("Verksted: Slemmestad strandpromenade (demo)", K.WORKSHOP, 14, 17, 3, 25, "slemmestad",
     "Demoarrangement: Vi tegner sammen på kart over strandpromenaden. Begrenset antall plasser."),
    ("Lene-timen i Asker sentrum (demo)", K.LENE_TIMEN, 20, 12, 1, 10, "asker-sentrum",
     "Demoarrangement: Ordføreren på innbyggertorget i lunsjen. Meld deg på, så vet vi hvor mange som kommer."),
]


def _at(days, hour):
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _place(centre_slug):
    """The innbyggertorg of the centre if there is one, else the centre itself."""
    torg = Innbyggertorg.objects.filter(centre__slug=centre_slug).order_by("name").first()
    if torg is not None:
        return {"innbyggertorg": torg}
    centre = Centre.objects.filter(slug=centre_slug).first() or Centre.objects.order_by("pk").first()
    return {"centre": centre} if centre is not None else None


@transaction.atomic
def load_demo_events():
    now = timezone.now()
    made = 0
    for title, kind, days, hour, hours, capacity, centre_slug, text in EVENTS:
        if Event.objects.filter(title=title, ends_at__gt=now).exists():
            continue
        place = _place(centre_slug)
        if place is None:
            continue  # no centres yet: load_demo first
        starts = _at(days, hour)
        Event.objects.create(title=title, kind=kind, description=text, starts_at=starts,
                             ends_at=starts + timedelta(hours=hours), capacity=capacity,
                             state=Event.State.PUBLISHED, **place)
        made += 1
    return made
