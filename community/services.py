"""What the community pages read: innbyggertorg with their hours, the consultations of a
centre, the committee archive; and the moments at which the pages change by the clock."""

from datetime import timedelta

from django.db.models import Count, Prefetch, Q

from participation.models import Consultation

from . import hours
from .models import (
    CommitteeMeeting,
    CommitteeMember,
    HoursException,
    Innbyggertorg,
    LocalCommunityCommittee,
    WeeklyHours,
)

# Closed consultations shown on an innbyggertorg's page after the open and upcoming ones.
CLOSED_SHOWN = 5
# How far ahead the page lists days with other hours than the week's.
EXCEPTIONS_SHOWN_DAYS = 30


def _exceptions_within_reach(now):
    # Only the exceptions the pages can reach from `now` (yesterday's may still run past midnight).
    today = now.astimezone(hours.zone()).date()
    return HoursException.objects.filter(
        date__gte=today - timedelta(days=1),
        date__lte=today + timedelta(days=max(hours.HORIZON_DAYS, EXCEPTIONS_SHOWN_DAYS) + 1))


def innbyggertorg_with_hours(now):
    """Every innbyggertorg with its centre, services, weekly hours and the exceptions within
    reach: four queries."""
    return (Innbyggertorg.objects.select_related("centre")
            .prefetch_related("services", "weekly_hours", Prefetch("exceptions", queryset=_exceptions_within_reach(now))))


def with_status(torgs, now):
    """Each innbyggertorg gets `schedule`, `open_state` and `status_text` (safe HTML)."""
    for torg in torgs:
        torg.schedule = hours.Schedule.of(torg)
        torg.open_state = torg.schedule.status(now)
        torg.status_text = hours.describe(torg.open_state, now)
    return torgs


def moments(now):
    """The next change of each innbyggertorg's "open now" words (pagecache.watch). Counted again
    whenever a watched row changes, so two queries, whatever the number of innbyggertorg."""
    weekly, exceptions = {}, {}
    for torg_id, *row in WeeklyHours.objects.values_list("innbyggertorg_id", "weekday", "opens", "closes"):
        weekly.setdefault(torg_id, []).append(row)
    for torg_id, *row in _exceptions_within_reach(now).values_list("innbyggertorg_id", "date", "opens", "closes",
                                                                   "note"):
        exceptions.setdefault(torg_id, []).append(row)
    for torg_id in weekly.keys() | exceptions.keys():
        moment = hours.Schedule(weekly.get(torg_id, []), exceptions.get(torg_id, [])).next_change(now)
        if moment is not None:
            yield moment


def weekly_table(schedule):
    """(weekday label, [interval texts]) for Monday to Sunday, from the week's own hours."""
    rows = []
    for weekday in WeeklyHours.Weekday:
        spans = sorted(schedule.weekly.get(weekday.value, []))
        rows.append((weekday.label, [f"{o:%H:%M}–{c:%H:%M}" for o, c in spans]))
    return rows


def consultations_of(centre, user, now):
    """The consultations about the centre, its plans or its projects that the user may see:
    open, then upcoming, then the latest closed (a confidential project's are left out)."""
    qs = (Consultation.objects.visible_to(user)
          .filter(Q(centre=centre) | Q(plan__centre=centre) | Q(project__centre=centre))
          .only("title", "slug", "opens_at", "closes_at").order_by("closes_at"))
    by_phase = {phase: [] for phase in Consultation.Phase}
    for consultation in qs:
        by_phase[consultation.phase(now)].append(consultation)
    return {"open": by_phase[Consultation.Phase.OPEN], "upcoming": by_phase[Consultation.Phase.UPCOMING],
            "closed": by_phase[Consultation.Phase.CLOSED][::-1][:CLOSED_SHOWN]}


def committees():
    return (LocalCommunityCommittee.objects.select_related("centre")
            .annotate(meeting_count=Count("meetings")).order_by("period_start", "name"))


def committee_detail(slug):
    order = {role: n for n, role in enumerate(CommitteeMember.ROLE_ORDER)}
    committee = (LocalCommunityCommittee.objects.select_related("centre")
                 .prefetch_related("members", Prefetch("meetings", queryset=CommitteeMeeting.objects.order_by("date")))
                 .filter(slug=slug).first())
    if committee is not None:
        committee.members_in_order = sorted(committee.members.all(), key=lambda m: (order.get(m.role, 99), m.name))
    return committee
