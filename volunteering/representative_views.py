"""Asking to represent an organisation, the administrators' list of requests, and the
representatives' form for their organisation's details."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

import rules

from . import services
from .forms import MessageForm, OrganisationForm
from .models import Organisation, RepresentationRequest


def _organisation(request, number):
    return get_object_or_404(Organisation.objects.visible_to(request.user), number=number)


@require_POST
@login_required
def request_representation(request, number):
    organisation = _organisation(request, number)
    form = MessageForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect(organisation)
    try:
        services.request_representation(organisation, request.user, form.cleaned_data["message"])
    except services.Refused as exc:
        messages.error(request, exc.message)
        return redirect(organisation)
    messages.success(request, _("Thank you. An administrator will look at your request."))
    return redirect(organisation)


@require_http_methods(["GET", "HEAD"])
@login_required
def request_list(request):
    if not rules.has_perm("volunteering.decide_representation", request.user):
        raise PermissionDenied
    waiting = (RepresentationRequest.objects.filter(state=RepresentationRequest.State.PENDING)
               .select_related("organisation", "user").order_by("created_at", "pk"))
    return render(request, "volunteering/request_list.html", {"waiting": waiting})


@require_POST
@login_required
def decide_request(request, pk):
    if not rules.has_perm("volunteering.decide_representation", request.user):
        raise PermissionDenied
    decision = request.POST.get("decision")
    if decision not in ("approve", "refuse"):
        messages.error(request, _("Choose to approve or refuse."))
        return redirect("volunteering:requests")
    try:
        asked = services.decide(pk, decision == "approve", request.user)
    except services.Refused as exc:
        messages.error(request, exc.message)
        return redirect("volunteering:requests")
    if decision == "approve":
        messages.success(request, _("%(user)s now represents %(organisation)s.")
                         % {"user": asked.user.get_username(), "organisation": asked.organisation.name})
    else:
        messages.success(request, _("The request is refused."))
    return redirect("volunteering:requests")


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def organisation_edit(request, number):
    organisation = _organisation(request, number)
    if not rules.has_perm("volunteering.edit_organisation", request.user, organisation):
        raise PermissionDenied
    form = OrganisationForm(request.POST or None, instance=organisation)
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, _("The organisation's details are saved."))
            return redirect(organisation)
        return render(request, "volunteering/organisation_form.html",
                      {"form": form, "organisation": organisation}, status=400)
    return render(request, "volunteering/organisation_form.html", {"form": form, "organisation": organisation})
