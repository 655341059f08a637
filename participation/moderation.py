"""The moderators' pages (/moderering/): the queue, bulk decisions, one comment and its log.

Every change goes through participation.services, which checks the transition and writes the
append-only log; a refused change is shown as an error message and nothing is changed. After a
decision the moderator goes on to the next comment of the queue.
"""

import json

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    When,
)
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from asker.decorators import permission_required
from asker.templatetags.numbers import nb

from . import gazetteer, services
from .models import Comment, Consultation, Flag, ModerationAction
from .moderation_forms import BlockForm, BulkForm, NoteForm, QueueFilterForm, ReasonForm

PAGE_SIZE = 25
A = ModerationAction.Action
S = Comment.State

moderator_required = permission_required("participation.moderate")


def _open_flags():
    return Flag.objects.filter(comment=OuterRef("pk"), settled_at__isnull=True)


def _waiting_ids():
    # A union of ids, so each part uses its own partial index and the published comments
    # (nearly all) are never read; an OR with EXISTS would test every comment.
    return (Comment.objects.filter(state=S.PENDING).order_by().values("pk")
            .union(Flag.objects.filter(settled_at__isnull=True).order_by().values("comment_id")))


def waiting():
    """Pending comments and comments with unsettled flags, each with the moment it has waited
    since, in the queue's order: the longest waiting first."""
    first_open_flag = Subquery(_open_flags().order_by("created_at").values("created_at")[:1])
    return (
        Comment.objects.filter(pk__in=_waiting_ids())
        # A pending comment waits from when it was written; a flagged one from its first open flag.
        .annotate(waiting_since=Case(When(state=S.PENDING, then=F("created_at")), default=first_open_flag))
        .order_by("waiting_since", "pk")
    )


def _filtered(comments, filters):
    filters = filters or {}
    if filters.get("consultation"):
        comments = comments.filter(consultation=filters["consultation"])
    if filters.get("state"):
        comments = comments.filter(state=filters["state"])
    if filters.get("reason"):
        comments = comments.filter(Exists(_open_flags().filter(reason=filters["reason"])))
    return comments


def queue_queryset(filters=None):
    """The queue page's rows: waiting() with what the table shows."""
    comments = (
        waiting()
        .select_related("consultation", "author")
        .only("id", "text", "state", "created_at", "consultation__id", "consultation__title",
              "consultation__slug", "author__id", "author__username")
        .annotate(flag_count=Count("flags", filter=Q(flags__settled_at__isnull=True), distinct=True))
        .prefetch_related(Prefetch("flags", queryset=Flag.objects.filter(settled_at__isnull=True)
                                   .only("id", "comment_id", "reason").order_by("reason"), to_attr="open_flags"))
    )
    return _filtered(comments, filters)


def _queue_context(request, bulk_form=None):
    # Its own ids: the bulk form on the same page has a "reason" field too.
    filter_form = QueueFilterForm(request.GET or None, auto_id="filter_%s", user=request.user)
    filters = filter_form.cleaned_data if filter_form.is_valid() else {}
    comments = queue_queryset(filters)
    paginator = Paginator(comments, PAGE_SIZE)
    # Counted without what the table shows (the flags' GROUP BY): the same rows, less work.
    paginator.count = _filtered(Comment.objects.filter(pk__in=_waiting_ids()), filters).count()
    page = paginator.get_page(request.GET.get("side"))
    oldest = None
    if page.number == 1 and page.object_list:
        oldest = page.object_list[0].waiting_since
    elif page.paginator.count:
        oldest = comments.values_list("waiting_since", flat=True).first()
    for comment in page.object_list:
        comment.flag_reasons = sorted({flag.get_reason_display() for flag in comment.open_flags})
    return {"filter_form": filter_form, "page": page, "oldest": oldest,
            "bulk_form": bulk_form or BulkForm(), "reasons": ModerationAction.Reason.choices}


@moderator_required
def queue(request):
    return render(request, "participation/moderation/queue.html", _queue_context(request))


@require_POST
@moderator_required
def bulk(request):
    form = BulkForm(request.POST)
    if not form.is_valid():
        return render(request, "participation/moderation/queue.html", _queue_context(request, form), status=400)
    action = A.APPROVED if form.cleaned_data["action"] == BulkForm.APPROVE else A.REJECTED
    reason = form.cleaned_data["reason"] if action == A.REJECTED else ""
    done = 0
    for comment in form.cleaned_data["comments"].order_by("pk"):
        try:
            services.moderate(comment, request.user, action, reason=reason, note=form.cleaned_data["note"])
        except services.Refused as refused:
            messages.error(request, _("Comment %(pk)s: %(message)s") % {"pk": comment.pk, "message": refused.message})
        else:
            done += 1
    if done:
        if action == A.APPROVED:
            text = ngettext("Approved %(count)s comment.", "Approved %(count)s comments.", done)
        else:
            text = ngettext("Rejected %(count)s comment.", "Rejected %(count)s comments.", done)
        messages.success(request, text % {"count": done})
    return redirect("moderation:queue")


def _place(comment):
    """Where the comment is about, for the map (GeoJSON) and in words (the map's equivalent)."""
    if comment.location is None:
        return None, nb(comment.place_name) if comment.place_name else ""
    if comment.place_name:
        words = nb(comment.place_name)
    else:  # in words, as on the consultation page: "250 m fra Heggedal stasjon"
        words = mark_safe(gazetteer.Gazetteer(comment.consultation.municipality).describe(comment.location, wrap=nb))
    return json.loads(comment.location.json), words


def _comment_context(request, comment, forms=None):
    consultation = comment.consultation
    # Moderators work on every comment, also in a consultation that is no longer public (its
    # project made confidential or archived); links go only where the moderator may follow.
    visible = Consultation.objects.visible_to(request.user).filter(pk=consultation.pk).exists()
    public = visible and Consultation.objects.public().filter(pk=consultation.pk).exists()
    point, place = _place(comment)
    context = {
        "comment": comment,
        "consultation": consultation,
        "consultation_public": public,
        "consultation_visible": visible,
        "in_context_url": comment.get_absolute_url() if public and comment.state == S.PUBLISHED else "",
        "point": point, "place": place,
        "flags": comment.flags.select_related("user").order_by("created_at", "pk"),
        "log": comment.actions.select_related("actor").order_by("created_at", "pk"),
        "approve_form": NoteForm(prefix="approve"),
        "reject_form": ReasonForm(prefix="reject"),
        "hide_form": ReasonForm(prefix="hide"),
        "restore_form": NoteForm(prefix="restore"),
        "block_form": BlockForm(prefix="block"),
        "active_block": services.active_block(comment.author) if comment.author_id else None,
    }
    context.update(forms or {})
    return context


def _get_comment(pk):
    return get_object_or_404(
        Comment.objects.select_related("consultation__plan", "consultation__project", "consultation__centre",
                                       "author", "parent__author")
        .defer("consultation__area", "consultation__plan__boundary", "consultation__project__geometry",
               "consultation__centre__catchment"),
        pk=pk)


@moderator_required
def comment_detail(request, pk):
    comment = _get_comment(pk)
    return render(request, "participation/moderation/comment.html", _comment_context(request, comment))


# action name in the URL -> (log action, form class, success message)
ACTIONS = {
    "approve": (A.APPROVED, NoteForm),
    "reject": (A.REJECTED, ReasonForm),
    "hide": (A.HIDDEN, ReasonForm),
    "restore": (A.RESTORED, NoteForm),
}


def _success_message(action):
    return {
        A.APPROVED: _("Comment %(number)s is approved."),
        A.REJECTED: _("Comment %(number)s is rejected. The author has been told."),
        A.HIDDEN: _("Comment %(number)s is hidden. The author has been told."),
        A.RESTORED: _("Comment %(number)s is published again. The author has been told."),
    }[action]


@require_POST
@moderator_required
def comment_action(request, pk, action):
    comment = _get_comment(pk)
    log_action, form_class = ACTIONS[action]
    form = form_class(request.POST, prefix=action)
    if not form.is_valid():
        return render(request, "participation/moderation/comment.html",
                      _comment_context(request, comment, {f"{action}_form": form, "error_form": form}), status=400)
    place = waiting().filter(pk=comment.pk).values_list("waiting_since", flat=True).first()
    try:
        services.moderate(comment, request.user, log_action, reason=form.cleaned_data.get("reason", ""),
                          note=form.cleaned_data["note"])
    except services.Refused as refused:
        messages.error(request, refused.message)
        return redirect("moderation:comment", pk=comment.pk)
    messages.success(request, _success_message(log_action) % {"number": comment.pk})
    return _go_on(request, comment, place)


def _go_on(request, decided, place):
    """To the comment after `decided` in the queue's order (it waited since `place`; None when
    it was not in the queue), else the longest waiting one, else back to the queue."""
    rest = waiting().exclude(pk=decided.pk).values_list("pk", flat=True)
    after = None
    if place is not None:
        after = rest.filter(Q(waiting_since__gt=place) | Q(waiting_since=place, pk__gt=decided.pk)).first()
    after = after or rest.first()
    if after is None:
        messages.info(request, _("No more comments wait for moderation."))
        return redirect("moderation:queue")
    return redirect("moderation:comment", pk=after)


@require_POST
@permission_required("participation.block_user")
def block_author(request, pk):
    comment = _get_comment(pk)
    if comment.author is None:
        messages.error(request, _("The author of this comment has been removed, so they cannot be blocked."))
        return redirect("moderation:comment", pk=comment.pk)
    form = BlockForm(request.POST, prefix="block")
    if not form.is_valid():
        return render(request, "participation/moderation/comment.html",
                      _comment_context(request, comment, {"block_form": form, "error_form": form}), status=400)
    try:
        block = services.block(comment.author, request.user, form.cleaned_data["days"], form.cleaned_data["reason"],
                               form.cleaned_data["note"], comment=comment)
    except services.Refused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("%(user)s cannot comment until %(until)s.") % {
            "user": comment.author.get_username(),
            "until": date_format(timezone.localtime(block.until), "DATETIME_FORMAT")})
    return redirect("moderation:comment", pk=comment.pk)
