"""Public community pages: the innbyggertorg (list with a map, one with its hours and the
consultations of its centre) and the archive of the lokalsamfunnsutvalg."""

import json

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_safe

from asker.pagecache import public_page

from . import hours, services
from .models import CommitteeMeeting


def _points(torgs):
    """The map's markers (drawn by static/js/map.js from a json_script element)."""
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "id": torg.pk, "geometry": json.loads(torg.location.json),
         "properties": {"name": torg.name, "url": torg.get_absolute_url()}}
        for torg in torgs]}


@require_safe
@public_page
def innbyggertorg_list(request):
    now = timezone.now()
    torgs = services.with_status(list(services.innbyggertorg_with_hours(now)), now)
    return render(request, "community/innbyggertorg_list.html", {"torgs": torgs, "points": _points(torgs)})


@require_safe
@public_page
def innbyggertorg_detail(request, slug):
    now = timezone.now()
    torg = get_object_or_404(services.innbyggertorg_with_hours(now), slug=slug)
    services.with_status([torg], now)
    context = {
        "torg": torg,
        "weekly": services.weekly_table(torg.schedule),
        "coming": [(day, [hours.span_text(s, e) for s, e in day.intervals])
                   for day in torg.schedule.coming_exceptions(now, services.EXCEPTIONS_SHOWN_DAYS)],
        "point": _points([torg]),
        "consultations": services.consultations_of(torg.centre, request.user, now),
    }
    return render(request, "community/innbyggertorg_detail.html", context)


@require_safe
@public_page
def committee_list(request):
    return render(request, "community/committee_list.html", {"committees": services.committees()})


@require_safe
@public_page
def committee_detail(request, slug):
    committee = services.committee_detail(slug)
    if committee is None:
        raise Http404
    return render(request, "community/committee_detail.html", {"committee": committee})


@require_safe
def minutes(request, slug, pk):
    meeting = get_object_or_404(CommitteeMeeting.objects.select_related("committee"), pk=pk, committee__slug=slug)
    if not meeting.minutes_file:
        raise Http404
    # Always a PDF under a name we made, as an attachment (never rendered inside our origin).
    return FileResponse(meeting.minutes_file.open("rb"), content_type="application/pdf", as_attachment=True,
                        filename=f"referat-{meeting.committee.slug}-{meeting.date:%Y-%m-%d}.pdf")
