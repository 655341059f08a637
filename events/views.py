"""Public event pages (list, archive, one event, calendar files) and sign-up. The pages for
keeping events (new, change, cancel, participants) are in manage_views.py."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from asker.pagecache import public_data, public_page
from places.models import Centre

from . import calendar, services
from .forms import CentreFilterForm
from .models import Event, Registration

PAGE_SIZE = 25
FEED_SIZE = 200


def _listing(request, queryset, template, extra=None):
    form = CentreFilterForm(request.GET)
    centre, error = None, None
    if form.is_valid() and form.cleaned_data["senter"]:
        centre = Centre.objects.filter(slug=form.cleaned_data["senter"]).only("name", "slug").first()
        if centre is None:
            error = _("Unknown centre. Choose one from the list.")
    elif not form.is_valid():
        error = _("Unknown centre. Choose one from the list.")
    if centre is not None:
        queryset = queryset.at_centre(centre)
    page = Paginator(queryset.with_place().with_counts(), PAGE_SIZE).get_page(request.GET.get("side"))
    context = {
        "page": page, "centre": centre, "error": error,
        "centres": Centre.objects.only("name", "slug").order_by("name"),
        **(extra or {}),
    }
    return render(request, template, context, status=400 if error else 200)


@require_safe
@public_page
def event_list(request):
    events = Event.objects.visible_to(request.user).coming().order_by("starts_at", "pk")
    return _listing(request, events, "events/event_list.html")


@require_safe
@public_page
def event_archive(request):
    events = Event.objects.visible_to(request.user).past().order_by("-starts_at", "-pk")
    return _listing(request, events, "events/event_archive.html")


def _get(request, pk, queryset=None):
    queryset = queryset if queryset is not None else Event.objects.visible_to(request.user)
    return get_object_or_404(queryset.with_place().with_counts(), pk=pk)


def _detail(request, event, status=200):
    registration = services.registration_of(event, request.user)
    context = {
        "event": event, "registration": registration,
        "position": (services.waiting_position(registration)
                     if registration and registration.state == Registration.State.WAITING else None),
        "places_left": event.places_left(),
        "started": event.has_started(),
        "ended": timezone.now() >= event.ends_at,
    }
    return render(request, "events/event_detail.html", context, status=status)


@require_safe
@public_page
def event_detail(request, pk):
    return _detail(request, _get(request, pk))


def _act(request, pk, action, done):
    event = _get(request, pk)
    if not request.user.is_authenticated:
        return redirect_to_login(event.get_absolute_url())
    try:
        result = action(event, request.user)
    except services.Refused as exc:
        messages.error(request, exc.message)
        return _detail(request, _get(request, pk), status=400)
    messages.success(request, done(result))
    return redirect(event)


@require_POST
def sign_up(request, pk):
    def done(registration):
        if registration.state == Registration.State.CONFIRMED:
            return _("You are signed up. We have sent you an e-mail.")
        return _("The event is full. You are on the waiting list, and we send you an e-mail if you get a place.")

    return _act(request, pk, services.sign_up, done)


@require_POST
def cancel_registration(request, pk):
    def done(state):
        if state == Registration.State.WAITING:
            return _("You are no longer on the waiting list.")
        return _("Your sign-up is cancelled.")

    return _act(request, pk, services.cancel_registration, done)


@require_safe
@public_data
def event_ics(request, pk):
    # Only what the public sees: a calendar file is passed on, and a draft is not for the public.
    return calendar.event_file(_get(request, pk, Event.objects.public()))


@require_safe
@public_data
def centre_feed(request, slug):
    centre = get_object_or_404(Centre.objects.only("name", "slug"), slug=slug)
    events = Event.objects.public().coming().at_centre(centre).with_place().order_by("starts_at", "pk")[:FEED_SIZE]
    return calendar.centre_feed(centre, events)
