"""iCalendar (RFC 5545) files: one event, or a centre's coming events as a feed to subscribe to.
Written by the `icalendar` package, which folds lines and escapes text; times are in UTC, so
no VTIMEZONE is needed and every calendar shows them in its own zone."""

from datetime import UTC

import icalendar
from django.conf import settings
from django.http import HttpResponse
from django.utils.translation import gettext as _

from asker import mail

PRODID = "-//Asker kommune//Planportalen//NB"
CONTENT_TYPE = "text/calendar; charset=utf-8"


def _utc(moment):
    return moment.astimezone(UTC)


def _location(event):
    parts = [event.place_name(), event.place_address()]
    return ", ".join(part for part in parts if part)


def component(event):
    entry = icalendar.Event()
    # The UUID, not the row id, names the event: stable whatever the portal's address.
    entry.add("uid", f"{event.uid}@{settings.SITE_URL.split('://')[-1].split('/')[0] or 'asker'}")
    # Published data: the stamp is the last change, so the file is the same until something changes.
    entry.add("dtstamp", _utc(event.updated_at))
    entry.add("last-modified", _utc(event.updated_at))
    entry.add("created", _utc(event.created_at))
    entry.add("sequence", event.sequence)
    entry.add("dtstart", _utc(event.starts_at))
    entry.add("dtend", _utc(event.ends_at))
    entry.add("summary", event.title)
    description = event.description
    if event.is_cancelled:
        description = f"{_('Cancelled')}. {description}".strip()
    if description:
        entry.add("description", description)
    entry.add("location", _location(event))
    point = event.place_point()
    if point is not None:
        entry.add("geo", (round(point.y, 6), round(point.x, 6)))
    entry.add("url", mail.site_url(event.get_absolute_url()))
    entry.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    entry.add("categories", [event.get_kind_display()])
    return entry


def calendar(events, name):
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    # An X- property is written as given unless typed: as text it is escaped like SUMMARY.
    cal.add("x-wr-calname", icalendar.vText(name))
    for event in events:
        cal.add_component(component(event))
    return cal


def response(cal, filename):
    answer = HttpResponse(cal.to_ical(), content_type=CONTENT_TYPE)
    answer["Content-Disposition"] = f'inline; filename="{filename}"'
    return answer


def event_file(event):
    return response(calendar([event], event.title), f"arrangement-{event.pk}.ics")


def centre_feed(centre, events):
    name = _("Events at %(centre)s") % {"centre": centre.name}
    return response(calendar(events, name), f"arrangementer-{centre.slug}.ics")

