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
from .forms import CommentForm, EditCommentForm, FlagForm
from .models import Comment, Consultation
from .rules import running_block

PAGE_SIZE = 50


@require_safe
def consultation_list(request):
    now = timezone.now()
    qs = Consultation.objects.visible_to(request.user).select_related("plan", "project", "centre").defer(
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
    by_phase = {phase: [] for phase in Consultation.Phase}
    for consultation in qs.order_by("closes_at"):
        by_phase[consultation.phase(now)].append(consultation)
    context = {
        "open": by_phase[Consultation.Phase.OPEN],
        "upcoming": by_phase[Consultation.Phase.UPCOMING],
        "closed": by_phase[Consultation.Phase.CLOSED][::-1],  # the latest closed first
        "centres": Centre.objects.only("name", "slug").order_by("name"),
        "centre": centre, "error": error,
    }
    return render(request, "participation/consultation_list.html", context, status=400 if error else 200)


def _detail(request, consultation, form, status=200):
    # Through the consultation's own manager, so each comment knows its consultation without
    # a query when the template asks the rules about it.
    published = (consultation.comments.published().filter(parent=None)
                 .select_related("author").prefetch_related(
                     Prefetch("replies", queryset=Comment.objects.published()
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
        "my_pending": (consultation.comments.filter(author=request.user, state=Comment.State.PENDING)
                       if request.user.is_authenticated else []),
        "block": running_block(request.user),
        "max_length": services.comment_max_length(),
    }
    return render(request, "participation/consultation_detail.html", context, status=status)


def _get(request, slug):
    return get_object_or_404(Consultation.objects.visible_to(request.user).select_related("plan", "project", "centre"),
                             slug=slug)


@require_safe
def consultation_detail(request, slug):
    consultation = _get(request, slug)
    return _detail(request, consultation, CommentForm())


@require_POST
def comment(request, slug):
    consultation = _get(request, slug)
    if not request.user.is_authenticated:
        return redirect_to_login(consultation.get_absolute_url())
    try:
        services.require("participation.comment", request.user, consultation)
    except services.Refused as exc:
        # The page says why there is no form; the message says what happened to this one.
        messages.error(request, exc.message)
        return _detail(request, consultation, CommentForm(), status=400)
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
        # Only a comment this user can see: one that is not shown answers as if it did not exist.
        parent = Comment.objects.visible_to(request.user).filter(pk=data["parent"], consultation=consultation).first()
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
    consultation = _get(request, slug)
    if not request.user.is_authenticated:
        return redirect_to_login(consultation.get_absolute_url())
    # A comment this user cannot see (not published, not their own) is answered exactly as one
    # that does not exist, so an id tells nothing.
    target = get_object_or_404(Comment.objects.visible_to(request.user), pk=pk, consultation=consultation)
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
        services.require("participation.flag_comment", request.user, comment)
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
    form = EditCommentForm(request.POST)

    def act(comment):
        services.require("participation.edit_own_comment", request.user, comment)
        if not form.is_valid():
            raise services.Refused(" ".join(form.errors["text"]))
        services.edit_own(comment, request.user, form.cleaned_data["text"])

    return _on_comment(request, slug, pk, act, _("Your comment is changed."))
