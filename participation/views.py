"""Public consultation pages: the list, and one consultation with its comments and form."""

import json

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.contrib.gis.geos import Point
from django.core.paginator import Paginator
from django.db.models import Count, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.http import JsonResponse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from asker.pagecache import public_page
from asker.templatetags.numbers import nb
from places.models import Centre

from . import gazetteer, services
from .forms import CommentForm, EditCommentForm, FlagForm, PointForm
from .models import REPLIES_PER_PAGE, REPLIES_SHOWN, Comment, Consultation, Flag
from .rules import running_block

PAGE_SIZE = 50


@require_safe
@public_page
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
    # a query when the template asks the rules about it. Each thread brings its first replies
    # only (one query for the page, by a window over the threads) and the number of the rest.
    published = (consultation.comments.published().filter(parent=None)
                 # A subquery, not a join and GROUP BY: counted only for the page's 50 rows.
                 .annotate(reply_count=Coalesce(Subquery(
                     Comment.objects.published().filter(parent=OuterRef("pk")).order_by()
                     .values("parent").annotate(n=Count("pk")).values("n")), 0))
                 .order_by("created_at", "pk")
                 .select_related("author").prefetch_related(
                     Prefetch("replies", to_attr="shown_replies",
                              queryset=Comment.objects.published().select_related("author")
                              .order_by("created_at", "pk")[:REPLIES_SHOWN])))
    page = Paginator(published, PAGE_SIZE).get_page(request.GET.get("side"))
    signed_in = request.user.is_authenticated
    my_pending = (list(consultation.comments.filter(author=request.user, state=Comment.State.PENDING)
                       .select_related("author", "parent__author")) if signed_in else [])
    places = gazetteer.Gazetteer(consultation.municipality)
    describe_comments([*page.object_list, *my_pending], places)
    area = consultation.subject_area()
    context = {
        **_comment_context(request, consultation),
        "page": page, "form": form,
        "area_geojson": json.loads(area.json) if area else None,
        "points": _points(page.object_list),
        "my_pending": my_pending,
        "chosen_place": _chosen_place(form, places),
        "block": running_block(request.user),
        "max_length": services.comment_max_length(),
    }
    return render(request, "participation/consultation_detail.html", context, status=status)


def _comment_context(request, consultation):
    """What every page of comments needs for the actions under each one."""
    signed_in = request.user.is_authenticated
    return {
        "consultation": consultation, "flag_form": FlagForm(),
        # One question for the whole page: the flag form is not offered again for these.
        "flagged": (set(Flag.objects.filter(user=request.user, comment__consultation=consultation)
                        .values_list("comment_id", flat=True)) if signed_in else set()),
    }


@require_safe
@public_page
def thread(request, slug, pk):
    """One published comment with all its replies, paged: the address every comment links to."""
    consultation = _get(request, slug)
    comment = get_object_or_404(consultation.comments.published().filter(parent=None).select_related("author"), pk=pk)
    replies = Paginator(consultation.comments.published().filter(parent=comment).select_related("author")
                        .order_by("created_at", "pk"), REPLIES_PER_PAGE).get_page(request.GET.get("side"))
    comment.shown_replies = replies.object_list
    comment.reply_count = replies.paginator.count
    describe_comments([comment], gazetteer.Gazetteer(consultation.municipality))
    context = {**_comment_context(request, consultation), "comment": comment, "page": replies, "in_thread": True}
    return render(request, "participation/thread.html", context)


def place_text(comment, places, wrap=str):
    """Where a comment is, in words: the name typed, or the nearest known name to its point."""
    if comment.place_name:
        return wrap(comment.place_name)
    if comment.location is not None:
        return places.describe(comment.location, wrap)
    return ""


def place_html(comment, places):
    """place_text for a page: the (Norwegian) name escaped and marked lang="nb" by nb(); the
    sentence around it is the catalogue's own."""
    return mark_safe(place_text(comment, places, wrap=nb))


def describe_comments(comments, places):
    for comment in comments:
        comment.place_text = place_text(comment, places)
        comment.place_html = place_html(comment, places)


def _points(comments):
    """The map's markers: each links to its comment, whose "Show on the map" opens it."""
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": json.loads(c.location.json), "id": c.pk,
         "properties": {"name": c.place_text, "url": f"#kommentar-{c.pk}",
                        "link": _("Go to the comment by %(author)s") % {
                            "author": c.author.get_username() if c.author else _("Former user")}}}
        for c in comments if c.location is not None]}


def _chosen_place(form, places):
    """The point a form sent back with an error still carries, in words; "" when none."""
    if not form.is_bound or not hasattr(form, "cleaned_data"):
        return ""
    data = form.cleaned_data
    if data.get("remove_point") or data.get("lon") is None or data.get("lat") is None:
        return ""
    return mark_safe(places.describe(Point(data["lon"], data["lat"], srid=4326), wrap=nb))


def _get(request, slug):
    return get_object_or_404(Consultation.objects.visible_to(request.user).select_related("plan", "project", "centre"),
                             slug=slug)


@require_safe
@public_page
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
    posted = request.POST
    if posted.get("use_place"):
        # The button under a misspelt place name sends the name the gazetteer suggested.
        posted = posted.copy()
        posted["place"] = posted["use_place"]
    form = CommentForm(posted)
    if not form.is_valid():
        return _detail(request, consultation, form, status=400)
    data = form.cleaned_data
    if data["website"]:
        # A bot: answer as if it worked, keep nothing.
        messages.success(request, _("Thank you for your comment."))
        return redirect(consultation)
    location, place_name = None, ""
    if data["lon"] is not None and data["lat"] is not None and not data["remove_point"]:
        location = Point(data["lon"], data["lat"], srid=4326)
    elif data["place"]:
        places = gazetteer.Gazetteer(consultation.municipality)
        found = places.find(data["place"])
        if found is None:
            suggestion = places.suggest(data["place"])
            unknown = _("We do not know a place called “%(name)s” in Asker.") % {"name": data["place"]}
            if suggestion:
                form.place_suggestion = suggestion
                form.add_error("place", _("%(unknown)s Did you mean «%(suggestion)s»?") % {
                    "unknown": unknown, "suggestion": suggestion})
            else:
                form.add_error("place", _("%(unknown)s Check the spelling, or leave the field empty.") % {
                    "unknown": unknown})
            return _detail(request, consultation, form, status=400)
        location, place_name = found.point, found.name
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
        if parent is not None:
            # Where the reply now is: its thread's page may be beyond the consultation's first replies.
            new.consultation = consultation
            return redirect(new.get_absolute_url())
    return redirect(consultation)


def _own_target(request, slug, pk, perm):
    """(consultation, comment, None) when the signed-in user may act on the comment under rule
    `perm`; else (…, the answer to give): sign in, 404, or back to the page with the reason."""
    consultation = _get(request, slug)
    if not request.user.is_authenticated:
        # Back to the page asked for, or, from a form, to the consultation (an action is POST only).
        back = request.get_full_path() if request.method == "GET" else consultation.get_absolute_url()
        return consultation, None, redirect_to_login(back)
    # A comment this user cannot see (not published, not their own) is answered exactly as one
    # that does not exist, so an id tells nothing.
    comment = get_object_or_404(Comment.objects.visible_to(request.user), pk=pk, consultation=consultation)
    comment.consultation = consultation
    try:
        services.require(perm, request.user, comment)
    except services.Refused as exc:
        messages.error(request, exc.message)
        return consultation, comment, redirect(consultation)
    return consultation, comment, None


def _at(consultation, comment, page=None, thread=False):
    """The page the visitor acted on `comment` from, at its anchor: the consultation's page of
    comments, or the comment's thread."""
    if thread:
        comment.consultation = consultation
        return comment.get_absolute_url()
    query = f"?side={page}" if page and page > 1 else ""
    return f"{consultation.get_absolute_url()}{query}#kommentar-{comment.pk}"


@require_POST
def flag(request, slug, pk):
    consultation, comment, answer = _own_target(request, slug, pk, "participation.flag_comment")
    if answer is not None:
        return answer
    form = FlagForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose why the comment should be looked at."))
        return redirect(_at(consultation, comment, thread=request.POST.get("traad") == "1"))
    try:
        services.flag(comment, request.user, form.cleaned_data["reason"], form.cleaned_data["note"])
    except services.Refused as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Thank you. A moderator will look at the comment."))
    return redirect(_at(consultation, comment, form.cleaned_data["side"], form.cleaned_data["traad"]))


@require_http_methods(["GET", "HEAD", "POST"])
def withdraw(request, slug, pk):
    """Deleting one's own waiting comment: a page asks first, its button deletes."""
    consultation, comment, answer = _own_target(request, slug, pk, "participation.withdraw_own_comment")
    if answer is not None:
        return answer
    if request.method == "POST":
        try:
            services.withdraw_own(comment, request.user)
        except services.Refused as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Your comment is deleted."))
        return redirect(f"{consultation.get_absolute_url()}#comments-heading")
    describe_comments([comment], gazetteer.Gazetteer(consultation.municipality))
    return render(request, "participation/comment_delete.html", {"consultation": consultation, "comment": comment})


@require_http_methods(["GET", "HEAD", "POST"])
def edit(request, slug, pk):
    """Changing one's own waiting comment on a page of its own (works without JavaScript)."""
    consultation, comment, answer = _own_target(request, slug, pk, "participation.edit_own_comment")
    if answer is not None:
        return answer
    status = 200
    if request.method == "POST":
        form = EditCommentForm(request.POST)
        status = 400
        if form.is_valid():
            try:
                services.edit_own(comment, request.user, form.cleaned_data["text"], form.cleaned_data["remove_place"])
            except services.Refused as exc:
                # Kept on this page, so the text written is not lost.
                form.add_error(exc.field, exc.message)
            else:
                messages.success(request, _("Your comment is changed."))
                return redirect(_at(consultation, comment))
    else:
        form = EditCommentForm(initial={"text": comment.text})
    describe_comments([comment], gazetteer.Gazetteer(consultation.municipality))
    return render(request, "participation/comment_edit.html",
                  {"consultation": consultation, "comment": comment, "form": form,
                   "max_length": services.comment_max_length()}, status=status)


@require_safe
def describe_place(request, slug):
    """A point in words, for the comment map's script: {"place": "250 m fra Heggedal torg"}."""
    consultation = _get(request, slug)
    form = PointForm(request.GET)
    if not form.is_valid():
        return JsonResponse({"error": _("Give a point as lon and lat in degrees.")}, status=400)
    point = Point(form.cleaned_data["lon"], form.cleaned_data["lat"], srid=4326)
    return JsonResponse({"place": gazetteer.Gazetteer(consultation.municipality).describe(point)})
