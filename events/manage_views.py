"""Planners, moderators and administrators make, change and cancel events and see who comes."""

import rules
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from . import services
from .forms import EventForm
from .models import Event, Registration


def _allowed(request, perm, event=None):
    """None when the user may; else the answer: sign in, or 403."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not rules.has_perm(perm, request.user, event):
        raise PermissionDenied
    return None


def _event(pk):
    return get_object_or_404(Event.objects.with_place(), pk=pk)


@require_http_methods(["GET", "HEAD", "POST"])
def event_edit(request, pk=None):
    event = _event(pk) if pk else None
    answer = _allowed(request, "events.edit_event" if event else "events.manage_events", event)
    if answer is not None:
        return answer
    form = EventForm(request.POST or None, instance=event or Event())
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                event = services.save_event(form, request.user)
            except services.Refused as exc:
                form.add_error(exc.field, exc.message)
            else:
                messages.success(request, _("Saved “%(name)s”.") % {"name": event.title})
                return redirect(event)
    return render(request, "events/event_form.html", {"form": form, "event": event}, status=status)


@require_http_methods(["GET", "HEAD", "POST"])
def event_cancel(request, pk):
    """A page asks first; its button cancels the event and tells everyone signed up."""
    event = _event(pk)
    answer = _allowed(request, "events.edit_event", event)
    if answer is not None:
        return answer
    if request.method == "POST":
        try:
            services.cancel_event(event, request.user)
        except services.Refused as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("“%(name)s” is cancelled. Everyone signed up gets an e-mail.")
                             % {"name": event.title})
        return redirect(event)
    count = event.registrations.count()
    return render(request, "events/event_cancel.html", {"event": event, "count": count})


@require_http_methods(["GET", "HEAD"])
def participants(request, pk):
    event = _event(pk)
    answer = _allowed(request, "events.see_participants", event)
    if answer is not None:
        return answer
    registrations = list(event.registrations.select_related("user").order_by("created_at", "pk"))
    context = {
        "event": event,
        "confirmed": [r for r in registrations if r.state == Registration.State.CONFIRMED],
        "waiting": [r for r in registrations if r.state == Registration.State.WAITING],
    }
    return render(request, "events/participants.html", context)
