"""Opening hours: when an innbyggertorg is open, in Europe/Oslo, from its weekly hours, its
dated exceptions and the Norwegian public holidays. Plain functions of an aware datetime, so
pages, the page cache's moments and tests all ask the same questions.

Rules:
- A weekly interval that closes at or before it opens runs past midnight and belongs to the
  day it opens (Friday 22:00–02:00 is Friday's, even when Saturday is a holiday).
- A date with exceptions has only those: without times it is closed, with times those are its
  intervals. This is also how a holiday opens.
- A public holiday (nyttårsdag, skjærtorsdag, langfredag, 1. and 2. påskedag, 1. mai, 17. mai,
  Kristi himmelfartsdag, 1. and 2. pinsedag, 1. and 2. juledag, from the `holidays` package,
  which moves Easter each year) without an exception is closed.
- Wall-clock times are turned into instants through the time zone, so an interval over the
  change to or from summer time lasts what the clock says (01:00–04:00 on the last Sunday of
  March is two hours); all comparisons are made in UTC.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays
from django.conf import settings
from django.utils.formats import date_format, time_format
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from asker.templatetags.numbers import nb

# How far ahead the next opening is looked for: past this the page says nothing of it.
HORIZON_DAYS = 14

# The holidays package's English names, in the catalogue's words.
HOLIDAY_NAMES = {
    "New Year's Day": gettext_lazy("New Year's Day"),
    "Maundy Thursday": gettext_lazy("Maundy Thursday"),
    "Good Friday": gettext_lazy("Good Friday"),
    "Easter Sunday": gettext_lazy("Easter Sunday"),
    "Easter Monday": gettext_lazy("Easter Monday"),
    "Labor Day": gettext_lazy("Labour Day"),
    "Constitution Day": gettext_lazy("Constitution Day"),
    "Ascension Day": gettext_lazy("Ascension Day"),
    "Whit Sunday": gettext_lazy("Whit Sunday"),
    "Pentecost": gettext_lazy("Whit Sunday"),
    "Whit Monday": gettext_lazy("Whit Monday"),
    "Pentecost Monday": gettext_lazy("Whit Monday"),
    "Christmas Day": gettext_lazy("Christmas Day"),
    "Second Day of Christmas": gettext_lazy("Boxing Day"),
}


def zone():
    return ZoneInfo(settings.TIME_ZONE)


@lru_cache(maxsize=64)
def _holidays_of(year):
    return dict(holidays.country_holidays("NO", years=year, language="en_US"))


def holiday(day):
    """The public holiday on `day`, in the active language, or None."""
    name = _holidays_of(day.year).get(day)
    if name is None:
        return None
    # Two holidays on one date (17 May and Whit Monday in 2027) come joined by "; ".
    return ", ".join(str(HOLIDAY_NAMES.get(part, part)) for part in name.split("; "))


def _instant(day, clock):
    # fold=0: a time the clock skips (02:30 in late March) counts as the instant before the
    # change would have named; the first of a repeated one (October) is taken.
    return datetime.combine(day, clock, tzinfo=zone()).astimezone(timezone.utc)


def _interval(day, opens, closes):
    end_day = day if closes > opens else day + timedelta(days=1)
    return (_instant(day, opens), _instant(end_day, closes))


@dataclass
class Day:
    """One local date: its intervals (UTC instants), and why it differs from the week if it does."""

    date: date
    intervals: list
    holiday: str | None = None
    notes: list = field(default_factory=list)
    exceptional: bool = False

    @property
    def closed(self):
        return not self.intervals


@dataclass
class Status:
    known: bool
    open: bool = False
    closes_at: datetime | None = None   # local time
    opens_at: datetime | None = None    # local time
    today: Day | None = None


class Schedule:
    """The hours of one innbyggertorg. `weekly`: (weekday 0=Monday, opens, closes);
    `exceptions`: (date, opens or None, closes or None, note)."""

    def __init__(self, weekly, exceptions=()):
        self.weekly = {}
        for weekday, opens, closes in weekly:
            self.weekly.setdefault(weekday, []).append((opens, closes))
        self.exceptions = {}
        for day, opens, closes, note in exceptions:
            self.exceptions.setdefault(day, []).append((opens, closes, note))

    @classmethod
    def of(cls, torg):
        """From an Innbyggertorg whose weekly_hours and exceptions are prefetched (or not)."""
        return cls([(h.weekday, h.opens, h.closes) for h in torg.weekly_hours.all()],
                   [(e.date, e.opens, e.closes, e.note) for e in torg.exceptions.all()])

    @property
    def known(self):
        return bool(self.weekly or self.exceptions)

    def day(self, day):
        name = holiday(day)
        if day in self.exceptions:
            rows = self.exceptions[day]
            intervals = [_interval(day, o, c) for o, c, _n in rows if o is not None and c is not None]
            return Day(day, sorted(intervals), name, [n for _o, _c, n in rows if n], exceptional=True)
        if name is not None:
            return Day(day, [], name, exceptional=bool(self.weekly.get(day.weekday())))
        return Day(day, sorted(_interval(day, o, c) for o, c in self.weekly.get(day.weekday(), [])))

    def _merged(self, first, last):
        """The intervals of the dates first..last, overlapping and touching ones joined."""
        spans = sorted(span for n in range((last - first).days + 1)
                       for span in self.day(first + timedelta(days=n)).intervals)
        merged = []
        for start, end in spans:
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], end))
            else:
                merged.append((start, end))
        return merged

    def status(self, now):
        if not self.known:
            return Status(known=False)
        local = now.astimezone(zone())
        today = local.date()
        now = now.astimezone(timezone.utc)
        status = Status(known=True, today=self.day(today))
        # Yesterday's interval may run past midnight into today.
        for start, end in self._merged(today - timedelta(days=1), today + timedelta(days=HORIZON_DAYS)):
            if start <= now < end:
                status.open, status.closes_at = True, end.astimezone(zone())
            elif start > now and status.opens_at is None and not status.open:
                status.opens_at = start.astimezone(zone())
        return status

    def next_change(self, now):
        """The next moment the page's words about this innbyggertorg change: it opens or closes,
        or the date changes ("today", "tomorrow", a holiday). None without hours."""
        if not self.known:
            return None
        local = now.astimezone(zone())
        midnight = _instant(local.date() + timedelta(days=1), time(0))
        status = self.status(now)
        change = status.closes_at if status.open else status.opens_at
        return min(midnight, change.astimezone(timezone.utc)) if change else midnight

    def coming_exceptions(self, now, days=30):
        """The dates from today on, within `days`, whose hours differ from the week's."""
        today = now.astimezone(zone()).date()
        dates = {today + timedelta(days=n) for n in range(days)}
        return [day for day in (self.day(d) for d in sorted(dates))
                if day.exceptional or (day.holiday and day.date.weekday() in self.weekly)]


def span_text(start, end):
    return f"{time_format(start.astimezone(zone()), 'H:i')}–{time_format(end.astimezone(zone()), 'H:i')}"


def _when(moment, now):
    """"today", "tomorrow", a weekday within the week, else the date: in the active language."""
    days = (moment.date() - now.astimezone(zone()).date()).days
    clock = time_format(moment, "H:i")
    if days == 0:
        return _("today at %(time)s") % {"time": clock}
    if days == 1:
        return _("tomorrow at %(time)s") % {"time": clock}
    if days < 7:
        return _("%(weekday)s at %(time)s") % {"weekday": date_format(moment, "l"), "time": clock}
    return _("%(date)s at %(time)s") % {"date": date_format(moment, "DATE_FORMAT"), "time": clock}


def describe(status, now):
    """The sentence the pages show, as safe HTML (an exception's note is Norwegian data, marked
    by nb()): "Open now, closes at 15:00", "Closed now, opens Monday at 09:00", "Closed today
    (Good Friday), opens Tuesday at 09:00"."""
    return mark_safe(_describe(status, now))


def _describe(status, now):
    if not status.known:
        return _("Opening hours not published")
    if status.open:
        if status.closes_at.date() == now.astimezone(zone()).date():
            return _("Open now, closes at %(time)s") % {"time": time_format(status.closes_at, "H:i")}
        return _("Open now, closes %(when)s") % {"when": _when(status.closes_at, now)}
    today = status.today
    reason = None
    if today is not None and today.closed:
        if today.holiday:
            reason = conditional_escape(today.holiday)
        elif today.exceptional:
            reason = nb(", ".join(today.notes)) if today.notes else conditional_escape(_("special hours"))
    if reason:
        if status.opens_at:
            return _("Closed today (%(reason)s), opens %(when)s") % {"reason": reason,
                                                                     "when": _when(status.opens_at, now)}
        return _("Closed today (%(reason)s)") % {"reason": reason}
    if status.opens_at:
        return _("Closed now, opens %(when)s") % {"when": _when(status.opens_at, now)}
    return _("Closed now")
