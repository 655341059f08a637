"""community/hours.py: open or closed at an instant in Europe/Oslo, from weekly hours, dated
exceptions and the Norwegian public holidays, and the sentence the pages show."""

from datetime import date, datetime, time, timezone
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from community.hours import Schedule, describe, holiday

OSLO = ZoneInfo("Europe/Oslo")
WEEKDAYS_9_15 = [(d, time(9), time(15)) for d in range(5)]


def at(*args):
    return datetime(*args, tzinfo=OSLO)


def words(schedule, now, lang="en"):
    with translation.override(lang):
        return str(describe(schedule.status(now), now))


def test_open_inside_the_hours_and_closed_outside():
    week = Schedule(WEEKDAYS_9_15)
    # Wednesday 2 December 2026.
    assert week.status(at(2026, 12, 2, 10)).open
    assert not week.status(at(2026, 12, 2, 8, 59)).open
    assert week.status(at(2026, 12, 2, 9)).open              # opening minute included
    assert not week.status(at(2026, 12, 2, 15)).open         # closing minute excluded
    assert words(week, at(2026, 12, 2, 10)) == "Open now, closes at 15:00"
    assert words(week, at(2026, 12, 2, 10), "nb") == "Åpent nå, stenger kl. 15:00"
    assert words(week, at(2026, 12, 2, 7)) == "Closed now, opens today at 09:00"
    assert words(week, at(2026, 12, 2, 16)) == "Closed now, opens tomorrow at 09:00"


def test_the_weekend_is_closed_and_monday_is_named():
    week = Schedule(WEEKDAYS_9_15)
    saturday = at(2026, 12, 5, 12)
    status = week.status(saturday)
    assert not status.open and status.opens_at == at(2026, 12, 7, 9)
    assert words(week, saturday) == "Closed now, opens Monday at 09:00"
    assert words(week, saturday, "nb") == "Stengt nå, åpner mandag kl. 09:00"


def test_several_intervals_a_day():
    split = Schedule([(2, time(9), time(12)), (2, time(13), time(16))])
    assert split.status(at(2026, 12, 2, 11)).open
    assert words(split, at(2026, 12, 2, 12, 30)) == "Closed now, opens today at 13:00"
    assert words(split, at(2026, 12, 2, 13, 30)) == "Open now, closes at 16:00"


def test_overlapping_and_touching_intervals_are_one():
    joined = Schedule([(2, time(9), time(12)), (2, time(12), time(18)), (2, time(10), time(11))])
    assert words(joined, at(2026, 12, 2, 10)) == "Open now, closes at 18:00"


def test_an_interval_across_midnight_belongs_to_the_day_it_opens():
    night = Schedule([(4, time(22), time(2))])  # Friday 22:00 – Saturday 02:00
    assert night.status(at(2026, 12, 4, 23)).open
    assert night.status(at(2026, 12, 5, 1, 30)).open
    assert not night.status(at(2026, 12, 5, 2)).open
    assert words(night, at(2026, 12, 4, 23)) == "Open now, closes tomorrow at 02:00"
    assert words(night, at(2026, 12, 5, 1)) == "Open now, closes at 02:00"
    assert night.next_change(at(2026, 12, 4, 23)) == at(2026, 12, 5, 0)   # the date changes first
    assert night.next_change(at(2026, 12, 5, 0, 30)) == at(2026, 12, 5, 2)


@pytest.mark.parametrize("year, good_friday, easter_monday, ascension, whit_monday", [
    (2025, date(2025, 4, 18), date(2025, 4, 21), date(2025, 5, 29), date(2025, 6, 9)),
    (2026, date(2026, 4, 3), date(2026, 4, 6), date(2026, 5, 14), date(2026, 5, 25)),
    (2027, date(2027, 3, 26), date(2027, 3, 29), date(2027, 5, 6), date(2027, 5, 17)),
])
def test_easter_moves_each_year_and_its_holidays_are_closed(year, good_friday, easter_monday, ascension,
                                                            whit_monday):
    week = Schedule(WEEKDAYS_9_15)
    with translation.override("en"):
        assert holiday(good_friday) == "Good Friday"
        assert holiday(easter_monday) == "Easter Monday"
        assert holiday(ascension) == "Ascension Day"
        assert holiday(whit_monday).endswith("Whit Monday")  # 2027: also 17 May
    for day in (good_friday, easter_monday, ascension, whit_monday):
        assert not week.status(datetime.combine(day, time(10), tzinfo=OSLO)).open, day
    assert words(week, datetime.combine(good_friday, time(10), tzinfo=OSLO)) == \
        "Closed today (Good Friday), opens Tuesday at 09:00"
    with translation.override("nb"):
        assert holiday(good_friday) == "Langfredag"


def test_the_fixed_holidays():
    with translation.override("nb"):
        names = {d: holiday(d) for d in (date(2026, 1, 1), date(2026, 5, 1), date(2026, 5, 17),
                                         date(2026, 12, 25), date(2026, 12, 26))}
    assert names == {date(2026, 1, 1): "Nyttårsdag", date(2026, 5, 1): "Arbeidernes dag",
                     date(2026, 5, 17): "Grunnlovsdagen", date(2026, 12, 25): "Første juledag",
                     date(2026, 12, 26): "Andre juledag"}
    assert holiday(date(2026, 12, 24)) is None and holiday(date(2026, 3, 1)) is None


def test_17_may_on_a_weekday_is_closed():
    week = Schedule(WEEKDAYS_9_15)
    thursday_17_may = at(2029, 5, 17, 10)
    assert not week.status(thursday_17_may).open
    assert words(week, thursday_17_may) == "Closed today (Constitution Day), opens tomorrow at 09:00"


def test_two_holidays_on_one_date_are_both_named():
    monday_17_may = at(2027, 5, 17, 10)   # also Whit Monday
    assert words(Schedule(WEEKDAYS_9_15), monday_17_may) == \
        "Closed today (Constitution Day, Whit Monday), opens tomorrow at 09:00"
    assert words(Schedule(WEEKDAYS_9_15), monday_17_may, "nb") == \
        "Stengt i dag (Grunnlovsdagen, Andre pinsedag), åpner i morgen kl. 09:00"


def test_an_exception_opens_a_holiday_and_another_closes_a_weekday():
    week = Schedule(WEEKDAYS_9_15, [
        (date(2026, 5, 14), time(11), time(14), "Åpen dag"),      # Ascension Day, open anyway
        (date(2026, 12, 2), None, None, "Personalmøte"),          # a Wednesday, closed
    ])
    assert week.status(at(2026, 5, 14, 12)).open
    assert words(week, at(2026, 5, 14, 12)) == "Open now, closes at 14:00"
    assert not week.status(at(2026, 5, 14, 10)).open
    assert not week.status(at(2026, 12, 2, 10)).open
    assert words(week, at(2026, 12, 2, 10)) == 'Closed today (<span lang="nb">Personalmøte</span>), opens tomorrow at 09:00'
    assert words(week, at(2026, 12, 2, 10), "nb") == "Stengt i dag (Personalmøte), åpner i morgen kl. 09:00"


def test_special_hours_replace_the_day():
    christmas_eve = Schedule(WEEKDAYS_9_15, [(date(2026, 12, 24), time(9), time(12), "Julaften")])
    assert words(christmas_eve, at(2026, 12, 24, 10)) == "Open now, closes at 12:00"
    assert not christmas_eve.status(at(2026, 12, 24, 13)).open
    # Then two holidays and a weekend: open again on Monday the 28th.
    assert words(christmas_eve, at(2026, 12, 24, 13)) == "Closed now, opens Monday at 09:00"
    coming = christmas_eve.coming_exceptions(at(2026, 12, 20, 10), days=10)
    assert [d.date for d in coming] == [date(2026, 12, 24), date(2026, 12, 25)]


def test_spring_forward_an_interval_over_the_change_lasts_two_hours():
    # Sunday 29 March 2026: the clocks go from 02:00 to 03:00.
    night = Schedule([(6, time(1), time(4))])
    status = night.status(at(2026, 3, 29, 0, 30))
    assert status.opens_at == at(2026, 3, 29, 1)
    assert status.opens_at.astimezone(timezone.utc) == datetime(2026, 3, 29, 0, 0, tzinfo=timezone.utc)
    inside = datetime(2026, 3, 29, 1, 30, tzinfo=timezone.utc)        # 03:30 summer time
    assert night.status(inside).open
    assert night.next_change(inside) == datetime(2026, 3, 29, 2, 0, tzinfo=timezone.utc)  # 04:00 summer time
    assert words(night, inside) == "Open now, closes at 04:00"


def test_spring_forward_opens_at_across_the_change():
    morning = Schedule([(6, time(3), time(6))])
    before = at(2026, 3, 29, 1, 30)   # winter time, before the change
    status = morning.status(before)
    assert status.opens_at.astimezone(timezone.utc) == datetime(2026, 3, 29, 1, 0, tzinfo=timezone.utc)
    assert words(morning, before) == "Closed now, opens today at 03:00"
    assert morning.next_change(before) == datetime(2026, 3, 29, 1, 0, tzinfo=timezone.utc)


def test_fall_back_an_interval_over_the_change_lasts_four_hours():
    # Sunday 25 October 2026: the clocks go from 03:00 back to 02:00.
    night = Schedule([(6, time(1), time(4))])
    opens = at(2026, 10, 25, 1)
    assert opens.astimezone(timezone.utc) == datetime(2026, 10, 24, 23, 0, tzinfo=timezone.utc)
    late = datetime(2026, 10, 25, 2, 30, tzinfo=timezone.utc)          # 03:30 winter time
    assert night.status(late).open
    assert night.next_change(late) == datetime(2026, 10, 25, 3, 0, tzinfo=timezone.utc)
    assert not night.status(datetime(2026, 10, 25, 3, 0, tzinfo=timezone.utc)).open


def test_without_hours_nothing_is_said_and_nothing_changes():
    nothing = Schedule([])
    assert words(nothing, at(2026, 12, 2, 10)) == "Opening hours not published"
    assert nothing.next_change(at(2026, 12, 2, 10)) is None


def test_the_next_change_is_the_closing_or_midnight():
    week = Schedule(WEEKDAYS_9_15)
    assert week.next_change(at(2026, 12, 2, 10)) == at(2026, 12, 2, 15)
    assert week.next_change(at(2026, 12, 2, 7)) == at(2026, 12, 2, 9)
    assert week.next_change(at(2026, 12, 2, 16)) == at(2026, 12, 3, 0)


def test_a_time_in_another_zone_is_read_in_oslo():
    week = Schedule(WEEKDAYS_9_15)
    assert week.status(datetime(2026, 12, 2, 8, 30, tzinfo=timezone.utc)).open   # 09:30 in Oslo
    assert not week.status(datetime(2026, 12, 2, 7, 30, tzinfo=timezone.utc)).open
