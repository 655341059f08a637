"""Stedskompasset's pages: the rounds by centre, a centre's survey, the workshop entry and the results."""

import rules
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from asker.decorators import permission_required
from asker.pagecache import public_page
from places.models import Centre

from . import compass, results, services
from .forms import SurveyForm, WorkshopForm
from .models import SurveyResponse, SurveyRound, ThemeScore
from .themes import BY_NUMBER, MAX_SCORE, MIN_SCORE, THEMES

Phase = SurveyRound.Phase


def _centre(slug):
    return get_object_or_404(Centre.objects.only("name", "slug", "municipality_id"), slug=slug)


def _rounds(request, centre):
    """The centre's rounds, the latest first."""
    return list(SurveyRound.objects.visible_to(request.user).filter(centre=centre).order_by("-opens_at", "pk"))


def _by_phase(rounds, now):
    phases = {phase: [] for phase in Phase}
    for survey_round in rounds:
        phases[survey_round.phase(now)].append(survey_round)
    return phases


@require_safe
@public_page
def round_list(request):
    now = timezone.now()
    rounds = (SurveyRound.objects.visible_to(request.user).select_related("centre")
              .only("title", "opens_at", "closes_at", "is_demo", "centre__name", "centre__slug")
              .order_by("centre__name", "-opens_at", "pk"))
    centres = {}
    for survey_round in rounds:
        entry = centres.setdefault(survey_round.centre_id, {"centre": survey_round.centre,
                                                            **{phase.value: [] for phase in Phase}})
        entry[survey_round.phase(now)].append(survey_round)
    return render(request, "stedskompasset/round_list.html", {"centres": list(centres.values())})


def _centre_page(request, centre, form=None, status=200):
    now = timezone.now()
    phases = _by_phase(_rounds(request, centre), now)
    # Rounds of one centre should not overlap; if they do, the one closing first is asked first.
    open_round = min(phases[Phase.OPEN], key=lambda r: r.closes_at, default=None)
    reason = services.why_not_answer(open_round, request.user) if open_round else None
    if open_round is not None and form is None and reason is None:
        form = SurveyForm(initial={"runde": open_round.pk})
    context = {"centre": centre, "open_round": open_round, "upcoming": phases[Phase.UPCOMING][::-1],
               "closed": phases[Phase.CLOSED], "form": form if reason is None else None, "reason": reason,
               "themes": THEMES}
    return render(request, "stedskompasset/centre.html", context, status=status)


@require_safe
@public_page
def centre_survey(request, slug):
    return _centre_page(request, _centre(slug))


def _round_from_post(request, centre):
    raw = request.POST.get("runde", "")
    if not raw.isascii() or not raw.isdigit() or len(raw) > 10:
        return None
    return SurveyRound.objects.visible_to(request.user).filter(centre=centre, pk=int(raw)).first()


@require_POST
def answer(request, slug):
    centre = _centre(slug)
    if not request.user.is_authenticated:
        return redirect_to_login(reverse("stedskompasset:survey", args=[centre.slug]))
    survey_round = _round_from_post(request, centre)
    if survey_round is None:
        messages.error(request, _("That survey round does not exist at this centre. Nothing was saved."))
        return _centre_page(request, centre, status=400)
    reason = services.why_not_answer(survey_round, request.user)
    if reason:
        messages.error(request, _("%(reason)s Nothing was saved.") % {"reason": reason})
        return _centre_page(request, centre, status=400)
    form = SurveyForm(request.POST)
    if not form.is_valid():
        return _centre_page(request, centre, form=form, status=400)
    try:
        services.answer(survey_round, request.user, form.scores())
    except services.Refused as exc:
        messages.error(request, _("%(reason)s Nothing was saved.") % {"reason": exc.message})
        return _centre_page(request, centre, status=400)
    messages.success(request, _("Thank you! Your answer is saved."))
    return redirect("stedskompasset:survey", slug=centre.slug)


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("stedskompasset.enter_workshop")
def workshop(request, slug):
    centre = _centre(slug)
    now = timezone.now()
    rounds = [r for r in _rounds(request, centre) if r.phase(now) != Phase.UPCOMING]
    posted = request.method == "POST"
    form = WorkshopForm(request.POST if posted else None, rounds=rounds,
                        initial={"runde": rounds[0].pk} if rounds else None)
    status = 200
    if posted:
        status = 400
        if not rounds:
            messages.error(request, _("No survey round has opened at this centre. Nothing was saved."))
        elif form.is_valid():
            survey_round = next(r for r in rounds if r.pk == form.cleaned_data["runde"])
            data = form.cleaned_data
            try:
                services.enter_workshop(survey_round, request.user, form.scores(), data["participants"],
                                        data["held_on"], data["held_at"])
            except services.Refused as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("The group's scores are saved. You can enter the next group."))
                return redirect("stedskompasset:workshop", slug=centre.slug)
    return render(request, "stedskompasset/workshop.html", {"centre": centre, "rounds": rounds, "form": form},
                  status=status)


def _chosen_round(request, rounds):
    """The round asked for (`?runde=<id>`), or the latest that has opened; 404 for an unknown one."""
    shown = [r for r in rounds if rules.has_perm("stedskompasset.see_results", request.user, r)]
    raw = request.GET.get("runde")
    if raw is None:
        return shown[0] if shown else None
    chosen = next((r for r in shown if str(r.pk) == raw), None)
    if chosen is None:
        raise Http404(_("No such survey round at this centre."))
    return chosen


def _comments(survey_round):
    """Per theme, the comments written in the round (for planners: they are not published)."""
    rows = (ThemeScore.objects.filter(response__round=survey_round).exclude(good_now="", could_be_better="")
            .only("theme", "score", "good_now", "could_be_better").order_by("theme", "pk"))
    by_theme = {}
    for row in rows:
        by_theme.setdefault(row.theme, []).append(row)
    return [{"theme": BY_NUMBER[n], "rows": by_theme[n]} for n in sorted(by_theme)]


@require_safe
@public_page
def results_page(request, slug):
    centre = _centre(slug)
    rounds = _rounds(request, centre)
    survey_round = _chosen_round(request, rounds)
    context = {"centre": centre, "round": survey_round, "min_responses": results.MIN_RESPONSES,
               "rounds": [r for r in rounds if r.phase() != Phase.UPCOMING],
               "lowest": MIN_SCORE, "highest": MAX_SCORE}
    if survey_round is not None:
        outcome = results.results(survey_round, rounds)
        context["results"] = outcome
        if not outcome.withheld:
            series = [("this", survey_round.title, outcome.medians)]
            if outcome.earlier is not None:
                series.append(("earlier", outcome.earlier.title, outcome.earlier_medians))
            context["diagram"] = compass.diagram(series)
        if not outcome.withheld and rules.has_perm("stedskompasset.see_comments", request.user, survey_round):
            context["comments"] = _comments(survey_round)
            context["show_comments"] = True
        context["workshop_kind"] = SurveyResponse.Kind.WORKSHOP
    return render(request, "stedskompasset/results.html", context)
