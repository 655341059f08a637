"""The community pages are stored whole (asker/pagecache.py): a change to an innbyggertorg, its
hours or a committee shows at the next request, and "open now" turns into "closed now" when the
closing time passes, with no row changed: the next opening or closing of every innbyggertorg is
a moment of the page cache (community/apps.py)."""

from datetime import datetime, time, timedelta

import pytest

from asker import pagecache
from community import services
from community.models import HoursException, WeeklyHours
from tests.asker.test_page_freshness import load, prefix, viewer, warm  # noqa: F401  (fixtures)

from .conftest import OSLO, WEDNESDAY_10
from .factories import CommitteeFactory, HoursExceptionFactory, MemberFactory

PAGES = ["/innbyggertorg/", "/innbyggertorg/heggedal/"]


def test_an_edited_innbyggertorg_shows_at_once(viewer, prefix, torg):
    assert all("Heggedal innbyggertorg" in p for p in warm(viewer, prefix, PAGES).values())
    torg.name = "Heggedal kulturhus"
    torg.save()
    assert all("Heggedal kulturhus" in p for p in load(viewer, prefix, PAGES).values())


def test_changed_hours_show_at_once(viewer, prefix, torg):
    warm(viewer, prefix, PAGES)
    WeeklyHours.objects.filter(innbyggertorg=torg, weekday=2).update(closes=time(14))
    pagecache.bump()  # a bulk update sends no signal
    assert all("14:00" in p for p in load(viewer, prefix, PAGES).values())
    hours = WeeklyHours.objects.get(innbyggertorg=torg, weekday=2)
    hours.closes = time(16)
    hours.save()
    assert all("16:00" in p for p in load(viewer, prefix, PAGES).values())


def test_an_exception_today_shows_at_once(viewer, prefix, torg):
    warm(viewer, prefix, PAGES)
    HoursExceptionFactory(innbyggertorg=torg, date=WEDNESDAY_10.date(), note="Personalmøte")
    for page in load(viewer, prefix, PAGES).values():
        assert "Personalmøte" in page
        assert ("Stengt i dag" if prefix == "" else "Closed today") in page


def test_a_committee_change_shows_at_once(viewer, prefix, heggedal):
    committee = CommitteeFactory(name="Lokalsamfunnsutvalget i Heggedal", slug="heggedal", centre=heggedal)
    paths = ["/lokalsamfunnsutvalg/", "/lokalsamfunnsutvalg/heggedal/"]
    warm(viewer, prefix, paths)
    MemberFactory(committee=committee, name="Demoperson Z")
    assert "Demoperson Z" in load(viewer, prefix, paths)[paths[1]]
    committee.name = "Heggedal utvalg"
    committee.save()
    assert all("Heggedal utvalg" in p for p in load(viewer, prefix, paths).values())


def test_open_now_turns_to_closed_when_the_closing_time_passes(viewer, prefix, torg, clock):
    before = warm(viewer, prefix, PAGES)
    assert all(("Åpent nå" if prefix == "" else "Open now") in p for p in before.values())
    clock.set(WEDNESDAY_10.replace(hour=15, minute=1))  # no row changes: only time passes
    after = load(viewer, prefix, PAGES)
    for path in PAGES:
        assert ("Stengt nå, åpner i morgen kl. 09:00" if prefix == "" else "Closed now, opens tomorrow at 09:00") \
            in after[path], path


def test_closed_turns_to_open_when_the_opening_time_passes(viewer, prefix, torg, clock):
    clock.set(datetime(2026, 12, 2, 8, 0, tzinfo=OSLO))
    HoursExceptionFactory(innbyggertorg=torg, date=datetime(2030, 1, 2).date(), note="Flyttet")  # recount at 08:00
    warm(viewer, prefix, PAGES)
    clock.set(datetime(2026, 12, 2, 9, 0, 30, tzinfo=OSLO))
    assert all(("Åpent nå" if prefix == "" else "Open now") in p for p in load(viewer, prefix, PAGES).values())


@pytest.mark.django_db
def test_the_moments_are_the_next_change_of_each(torg, borgen, clock):
    WeeklyHours.objects.create(innbyggertorg=borgen, weekday=2, opens=time(11), closes=time(13))
    moments = sorted(services.moments(WEDNESDAY_10))
    # Heggedal closes at 15:00, Borgen opens at 11:00: one moment each.
    assert moments == [WEDNESDAY_10 + timedelta(hours=1), WEDNESDAY_10 + timedelta(hours=5)]
    assert HoursException.objects.count() == 0


def test_changed_hours_move_the_moment(viewer, prefix, torg, clock):
    warm(viewer, prefix, PAGES)  # the next moment is 15:00
    hours = WeeklyHours.objects.get(innbyggertorg=torg, weekday=2)
    hours.closes = time(12)
    hours.save()  # counted again: the next moment is now 12:00
    assert all(("stenger kl. 12:00" if prefix == "" else "closes at 12:00") in p
               for p in load(viewer, prefix, PAGES).values())
    clock.set(WEDNESDAY_10.replace(hour=12, minute=0, second=1))
    assert all(("Stengt nå" if prefix == "" else "Closed now") in p for p in load(viewer, prefix, PAGES).values())
