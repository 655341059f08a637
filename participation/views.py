"""Public consultation pages: the list, and one consultation with its comments and form."""

import json

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.contrib.gis.geos import Point
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from places.models import Centre

from . import gazetteer, services
from .forms import CommentForm, FlagForm
from .models import Comment, Consultation

PAGE_SIZE = 50


def visible_consultations():
    # A consultation about a project that is (again) confidential or archived is not public.
    return Consultation.objects.exclude(project__visibility="confidential").exclude(project__archived_at__isnull=False)


@require_safe
def consultation_list(request):
    now = timezone.now()
    qs = visible_consultations().select_related("plan", "project", "centre").defer(
        "area", "text", "plan__boundary", "project__geometry", "centre__catchment")
    centre = None
    error = None
    if request.GET.get("senter"):
        centre = Centre.objects.filter(slug=request.GET["senter"]).first()
        if centre is None:
            error = _("Unknown centre. Choose one from the list.")
        else:
            qs = qs.filter(Q(centre=centre) | Q(plan__centre=centre) | Q(project__centre=centre))
    qs = qs.annotate(published=Count("comments", filter=Q(comments__state=Comment.State.PUBLISHED)))
    consultations = list(qs.order_by("closes_at"))
    context = {
        "open": [c for c in consultations if c.opens_at <= now < c.closes_at],
        "upcoming": [c for c in consultations if now < c.opens_at],
        "closed": sorted([c for c in consultations if c.closes_at <= now], key=lambda c: c.closes_at, reverse=True),
        "centres": Centre.objects.only("name", "slug").order_by("name"),
        "centre": centre, "error": error,
    }
    return render(request, "participation/consultation_list.html", context, status=400 if error else 200)


def _detail(request, consultation, form, status=200):
    published = (Comment.objects.filter(consultation=consultation, state=Comment.State.PUBLISHED, parent=None)
                 .select_related("author").prefetch_related(
                     Prefetch("replies", queryset=Comment.objects.filter(state=Comment.State.PUBLISHED)
                              .select_related("author").order_by("created_at"))))
    page = Paginator(published, PAGE_SIZE).get_page(request.GET.get("side"))
    points = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": json.loads(c.location.json),
         "properties": {"name": c.place_name or _("Comment %(n)s") % {"n": c.pk}, "url": f"#kommentar-{c.pk}"}}
        for c in page.object_list if c.location is not None]}
    area = consultation.subject_area()
    context = {
        "consultation": consultation, "page": page, "form": form, "flag_form": FlagForm(),
        "area_geojson": json.loads(area.json) if area else None, "points": points,
        "my_pending": (Comment.objects.filter(consultation=consultation, author=request.user, state=Comment.State.PENDING)
                       if request.user.is_authenticated else []),
        "max_length": services.comment_max_length(),
    }
    return render(request, "participation/consultation_detail.html", context, status=status)


def _get(slug):
    return get_object_or_404(visible_consultations().select_related("plan", "project", "centre"), slug=slug)


@require_safe
def consultation_detail(request, slug):
    consultation = _get(slug)
    return _detail(request, consultation, CommentForm())


@require_POST
def comment(request, slug):
    consultation = _get(slug)
    if not request.user.is_authenticated:
        return redirect_to_login(consultation.get_absolute_url())
    form = CommentForm(request.POST)
    if not form.is_valid():
        return _detail(request, consultation, form, status=400)
    data = form.cleaned_data
    if data["website"]:
        # A bot: answer as if it worked, keep nothing.
        messages.success(request, _("Thank you for your comment."))
        return redirect(consultation)
    location, place_name = None, ""
    if data["lon"] is not None and data["lat"] is not None:
        location = Point(data["lon"], data["lat"], srid=4326)
    elif data["place"]:
        found = gazetteer.find(data["place"], consultation.municipality)
        if found is None:
            form.add_error("place", _("We do not know a place called “%(name)s” in Asker. Check the spelling, or leave the field empty.") % {"name": data["place"]})
            return _detail(request, consultation, form, status=400)
        location, place_name = found
    parent = None
    if data["parent"]:
        parent = Comment.objects.filter(pk=data["parent"]).first()
        if parent is None:
            form.add_error(None, _("The comment you replied to no longer exists."))
            return _detail(request, consultation, form, status=400)
    try:
        new = services.submit(consultation, request.user, data["text"], location, place_name, parent)
    except services.Refused as exc:
        form.add_error(exc.field, exc.message)
        return _detail(request, consultation, form, status=400)
    if new.state == Comment.State.PENDING:
        messages.success(request, _("Thank you. Your comment is published when a moderator has read it."))
    else:
        messages.success(request, _("Thank you. Your comment is published."))
    return redirect(consultation)


def _on_comment(request, slug, pk, act, success):
    """Run `act(comment)` for the signed-in user on one comment of this consultation; a
    refusal becomes an error message, and the visitor goes back to the consultation."""
    consultation = _get(slug)
    if not request.user.is_authenticated:
        return redirect_to_login(consultation.get_absolute_url())
    target = get_object_or_404(Comment, pk=pk, consultation=consultation)
    try:
        act(target)
    except services.Refused as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, success)
    return redirect(consultation)


@require_POST
def flag(request, slug, pk):
    form = FlagForm(request.POST)

    def act(comment):
        if not form.is_valid():
            raise services.Refused(_("Choose why the comment should be looked at."))
        services.flag(comment, request.user, form.cleaned_data["reason"], form.cleaned_data["note"])

    return _on_comment(request, slug, pk, act, _("Thank you. A moderator will look at the comment."))


@require_POST
def withdraw(request, slug, pk):
    return _on_comment(request, slug, pk, lambda comment: services.withdraw_own(comment, request.user),
                       _("Your comment is deleted."))


@require_POST
def edit(request, slug, pk):
    return _on_comment(request, slug, pk,
                       lambda comment: services.edit_own(comment, request.user, request.POST.get("text", "")),
                       _("Your comment is changed."))
