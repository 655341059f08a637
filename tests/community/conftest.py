from datetime import datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from community.models import Service
from tests.places.conftest import asker, heggedal, sentrum, world  # noqa: F401  (shared fixtures)

from .factories import InnbyggertorgFactory, WeeklyHoursFactory

OSLO = ZoneInfo("Europe/Oslo")
# A Wednesday in December 2026 at 10:00 in Oslo: an ordinary working day.
WEDNESDAY_10 = datetime(2026, 12, 2, 10, 0, tzinfo=OSLO)


@pytest.fixture
def clock(monkeypatch):
    """Set the time the pages (and the page cache) see: `clock.set(datetime)`; starts at
    WEDNESDAY_10. Set it before rows are saved: a save counts the next moments from it."""

    class Clock:
        def set(self, moment):
            self.now = moment
            monkeypatch.setattr(timezone, "now", lambda: moment)

    clock = Clock()
    clock.set(WEDNESDAY_10)
    return clock


@pytest.fixture
def torg(clock, heggedal):
    """Heggedal innbyggertorg: Monday to Friday 09–15, no street address (approximate point)."""
    torg = InnbyggertorgFactory(name="Heggedal innbyggertorg", slug="heggedal", centre=heggedal,
                                location=heggedal.location, location_approximate=True,
                                status="Nye lokaler åpnet 15. februar 2021.")
    for weekday in range(5):
        WeeklyHoursFactory(innbyggertorg=torg, weekday=weekday, opens=time(9), closes=time(15))
    for kind in (Service.Kind.LIBRARY, Service.Kind.CAFE):
        Service.objects.create(innbyggertorg=torg, kind=kind)
    return torg


@pytest.fixture
def borgen(clock, asker, sentrum):
    from tests.factories import CentreFactory

    centre = CentreFactory(municipality=asker, name="Borgen", slug="borgen", parent=sentrum, level="naersenter")
    return InnbyggertorgFactory(name="Borgen innbyggertorg", slug="borgen", centre=centre,
                                address="Søndre Borgen 11, 1388 Borgen", location=centre.location,
                                location_approximate=True)
